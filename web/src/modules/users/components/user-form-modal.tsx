import { Button, Form, Input, Modal, Select } from 'antd';
import { isApiError } from '../../../api/client.ts';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS, type Department, type Role, type User, type UserPatch } from '../../../api/types.ts';
import { AgencySelect } from '../../agencies/components/agency-select.tsx';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useCreateUser } from '../hooks/use-create-user.ts';
import { usePatchUser } from '../hooks/use-patch-user.ts';
import { grantableRoles } from '../utils/grantable-roles.ts';
import { PASSWORD_PATTERN, PHONE_PATTERN, USERNAME_PATTERN } from '../utils/user-rules.ts';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  regionCode: string;
  department?: Department;
  agencyId?: number;
  phone?: string;
}

interface Props {
  /** The user to edit; absent to create one. */
  user?: User;
  onClose: () => void;
}

/** Rendered only while open, so each opening starts from a fresh form. */
export function UserFormModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();
  const patch = usePatchUser();
  const editing = !!user;

  const roles = grantableRoles(session.role);
  // An office may edit someone whose role it cannot grant; keep that role visible.
  if (user && !roles.includes(user.role)) roles.unshift(user.role);

  const initial: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        regionCode: user.regionCode,
        department: user.department ?? undefined,
        agencyId: user.agencyId ?? undefined,
        phone: user.phone ?? undefined,
      }
    : { regionCode: session.regionCode, role: 'enumerator' };

  const onFinish = (v: Values) => {
    const department = v.role === 'department-reviewer' ? v.department : undefined;
    const agencyId = v.role === 'agency-staff' ? v.agencyId : undefined;
    const phone = v.phone?.trim() || undefined;
    const done = { onSuccess: () => (notify.success(editing ? t('common.saved') : t('common.created')), onClose()), onError: notify.error };

    if (!user) {
      create.mutate(
        { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password!, role: v.role, regionCode: v.regionCode, department, agencyId, phone },
        done,
      );
      return;
    }
    // Send only what changed, so the audit log shows the real edit.
    const body: UserPatch = { version: user.version };
    if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
    if (v.role !== user.role) body.role = v.role;
    if (v.regionCode !== user.regionCode) body.regionCode = v.regionCode;
    if ((department ?? null) !== user.department) body.department = department ?? null;
    if ((agencyId ?? null) !== user.agencyId) body.agencyId = agencyId ?? null;
    if ((phone ?? null) !== user.phone) body.phone = phone ?? null;
    patch.mutate(
      { id: user.id, patch: body },
      {
        ...done,
        onError: (e) => {
          notify.error(e);
          // The row is stale: close so that it is reopened from the reloaded list.
          if (isApiError(e, 'VERSION_CONFLICT')) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={editing ? t('users.edit') : t('users.create')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" data-testid="user-submit" loading={create.isPending || patch.isPending} onClick={() => form.submit()}>
          {editing ? t('common.save') : t('common.create')}
        </Button>,
      ]}
      mask={{ closable: false }}
      width={560}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark="optional">
        <Form.Item
          label={t('users.username')}
          name="username"
          htmlFor="user-username"
          extra={editing ? undefined : t('users.usernameHint')}
          rules={[{ required: true, message: t('common.required') }, { pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') }]}
        >
          <Input id="user-username" disabled={editing} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label={t('users.displayName')} name="displayName" htmlFor="user-displayName" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input id="user-displayName" maxLength={64} />
        </Form.Item>
        {!editing && (
          <Form.Item
            label={t('users.password')}
            name="password"
            htmlFor="user-password"
            extra={t('users.passwordHint')}
            rules={[{ required: true, message: t('common.required') }, { pattern: PASSWORD_PATTERN, message: t('users.passwordHint') }]}
          >
            <Input.Password id="user-password" autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item label={t('users.role')} name="role" htmlFor="user-role" rules={[{ required: true, message: t('common.required') }]}>
          <Select id="user-role" data-testid="user-role" options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('users.region')} name="regionCode" htmlFor="user-region" rules={[{ required: true, message: t('common.required') }]}>
          <RegionPicker id="user-region" data-testid="user-region" />
        </Form.Item>
        {role === 'department-reviewer' && (
          <Form.Item label={t('users.department')} name="department" htmlFor="user-department" rules={[{ required: true, message: t('common.required') }]}>
            <Select id="user-department" data-testid="user-department" options={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))} />
          </Form.Item>
        )}
        {role === 'agency-staff' && (
          <Form.Item label={t('users.agency')} name="agencyId" htmlFor="user-agency" rules={[{ required: true, message: t('common.required') }]}>
            <AgencySelect id="user-agency" data-testid="user-agency" />
          </Form.Item>
        )}
        <Form.Item label={t('users.phone')} name="phone" htmlFor="user-phone" rules={[{ pattern: PHONE_PATTERN, message: t('users.phoneInvalid') }]}>
          <Input id="user-phone" maxLength={20} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
