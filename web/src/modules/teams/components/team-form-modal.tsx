import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { TEAM_KINDS, type Team, type TeamInput, type TeamKind } from '../../../api/types.ts';
import { AgencySelect } from '../../agencies/components/agency-select.tsx';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { UserSelect, type UserOption } from '../../users/components/user-select.tsx';
import { useSaveTeam } from '../hooks/use-save-team.ts';
import { formFromMembers, membersFromForm, type MemberFields } from '../utils/team-members.ts';

interface Values extends MemberFields {
  name: string;
  regionCode: string;
  kind: TeamKind;
  agencyId?: number;
  instructorId?: number;
}

/** Rendered only while open, so each opening starts from a fresh form. */
export function TeamFormModal({ team, onClose }: { team?: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const save = useSaveTeam();

  const known: UserOption[] = team
    ? [
        ...team.members.map((m) => ({ id: m.userId, username: m.username, displayName: m.displayName })),
        ...(team.instructorId ? [{ id: team.instructorId, username: '', displayName: team.instructorName ?? '' }] : []),
      ]
    : [];

  const initial: Partial<Values> = team
    ? {
        name: team.name,
        regionCode: team.regionCode,
        kind: team.kind,
        agencyId: team.agencyId ?? undefined,
        instructorId: team.instructorId ?? undefined,
        ...formFromMembers(team.members),
      }
    : { regionCode: session.regionCode, kind: 'enumerator', memberIds: [] };

  const onFinish = (v: Values) => {
    const body: TeamInput = {
      name: v.name.trim(),
      regionCode: v.regionCode,
      kind: v.kind,
      agencyId: v.kind === 'agency' ? v.agencyId ?? null : null,
      instructorId: v.instructorId ?? null,
      members: membersFromForm(v.kind, v),
    };
    const handlers = {
      onSuccess: () => (notify.success(team ? t('common.saved') : t('common.created')), onClose()),
      onError: (e: unknown) => {
        notify.error(e);
        if (isApiError(e, 'VERSION_CONFLICT')) onClose();
      },
    };
    if (team) save.mutate({ id: team.id, version: team.version, body }, handlers);
    else save.mutate({ body }, handlers);
  };

  const required = [{ required: true, message: t('common.required') }];

  return (
    <Modal
      open
      title={team ? t('teams.edit') : t('teams.create')}
      onCancel={onClose}
      mask={{ closable: false }}
      width={580}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" data-testid="team-submit" loading={save.isPending} onClick={() => form.submit()}>
          {team ? t('common.save') : t('common.create')}
        </Button>,
      ]}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark="optional">
        <Form.Item label={t('teams.name')} name="name" htmlFor="team-name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input id="team-name" maxLength={100} />
        </Form.Item>
        <Form.Item label={t('teams.region')} name="regionCode" htmlFor="team-region" rules={required}>
          <RegionPicker id="team-region" data-testid="team-region" />
        </Form.Item>
        <Form.Item label={t('teams.kind')} name="kind" htmlFor="team-kind" rules={required}>
          <Select id="team-kind" data-testid="team-kind" options={TEAM_KINDS.map((k) => ({ value: k, label: t(`teams.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'agency' && (
          <Form.Item label={t('teams.agency')} name="agencyId" htmlFor="team-agency" rules={required}>
            <AgencySelect id="team-agency" data-testid="team-agency" />
          </Form.Item>
        )}
        <Form.Item label={t('teams.instructor')} name="instructorId" htmlFor="team-instructor">
          <UserSelect id="team-instructor" data-testid="team-instructor" role="instructor" known={known} />
        </Form.Item>
        {kind === 'paired' ? (
          <>
            <Alert type="info" showIcon className="block-gap" title={t('teams.pairHint')} />
            <Form.Item label={t('teams.memberLocal')} name="localId" htmlFor="team-member-local" rules={required}>
              <UserSelect id="team-member-local" data-testid="team-member-local" known={known} />
            </Form.Item>
            <Form.Item
              label={t('teams.memberProfessional')}
              name="professionalId"
              htmlFor="team-member-professional"
              dependencies={['localId']}
              rules={[
                ...required,
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    v && v === getFieldValue('localId') ? Promise.reject(new Error(t('teams.pairDistinct'))) : Promise.resolve(),
                }),
              ]}
            >
              <UserSelect id="team-member-professional" data-testid="team-member-professional" known={known} />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={t('teams.members')} name="memberIds" htmlFor="team-members">
            <UserSelect id="team-members" data-testid="team-members" mode="multiple" known={known} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
