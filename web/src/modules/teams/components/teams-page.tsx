import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_KINDS, type Team, type TeamKind } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { EnableToggle, EnabledTag } from '../../ui/components/enable-toggle.tsx';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useSaveTeam } from '../hooks/use-save-team.ts';
import { useTeamList } from '../hooks/use-team-list.ts';
import { TeamFormModal } from './team-form-modal.tsx';

const KIND_COLOURS: Record<TeamKind, string> = { enumerator: 'blue', paired: 'purple', agency: 'orange', students: 'cyan' };

export function TeamsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const [region, setRegion] = useState<string>();
  const [kind, setKind] = useState<TeamKind>();
  const [dialog, setDialog] = useState<{ team?: Team } | null>(null);
  const list = useTeamList({ region, kind });
  const save = useSaveTeam();
  const writable = can('teams.write');

  const toggle = (team: Team) =>
    save.mutate({ id: team.id, version: team.version, body: { disabled: !team.disabled } }, { onSuccess: () => notify.success(t('common.saved')), onError: notify.error });

  return (
    <div className="page">
      <Card
        size="small"
        title={t('teams.title')}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="team-create" onClick={() => setDialog({})}>
              {t('teams.create')}
            </Button>
          )
        }
      >
        <Space wrap className="filters">
          <RegionPicker data-testid="team-filter-region" allowClear placeholder={t('users.anyRegion')} value={region} onChange={setRegion} />
          <Select<TeamKind>
            data-testid="team-filter-kind"
            allowClear
            placeholder={t('teams.anyKind')}
            value={kind}
            onChange={setKind}
            options={TEAM_KINDS.map((k) => ({ value: k, label: t(`teams.kinds.${k}`) }))}
            style={{ width: 170 }}
          />
        </Space>
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <Table<Team>
          data-testid="teams-table"
          size="small"
          rowKey="id"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1000 }}
          onRow={(team) => ({ 'data-testid': `team-row-${team.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('teams.name'), dataIndex: 'name', width: 180 },
            { title: t('teams.kind'), dataIndex: 'kind', width: 140, render: (k: TeamKind) => <Tag color={KIND_COLOURS[k]}>{t(`teams.kinds.${k}`)}</Tag> },
            {
              title: t('teams.region'),
              key: 'region',
              width: 150,
              render: (_, team) => (
                <span>
                  {team.regionName} <Typography.Text type="secondary" className="option-code">{team.regionCode}</Typography.Text>
                </span>
              ),
            },
            { title: t('teams.instructor'), dataIndex: 'instructorName', width: 110, render: (v: string | null) => v ?? t('common.none') },
            { title: t('teams.agency'), dataIndex: 'agencyName', width: 150, render: (v: string | null) => v ?? t('common.none') },
            {
              title: t('teams.members'),
              key: 'members',
              render: (_, team) => (
                <Space size={[4, 4]} wrap>
                  {team.members.map((m) => (
                    <Tag key={m.userId} title={m.username}>
                      {m.displayName}
                      {m.memberRole !== 'member' && <Typography.Text type="secondary"> · {t(`teams.memberRoles.${m.memberRole}`)}</Typography.Text>}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('common.status'),
              dataIndex: 'disabled',
              width: 80,
              render: (d: boolean) => <EnabledTag disabled={d} />,
            },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: 130,
                    render: (_: unknown, team: Team) => (
                      <Space size={0}>
                        <Button type="link" size="small" data-testid="team-edit" onClick={() => setDialog({ team })}>
                          {t('common.edit')}
                        </Button>
                        <EnableToggle
                          disabled={team.disabled}
                          confirm={t(team.disabled ? 'teams.confirmEnable' : 'teams.confirmDisable', { name: team.name })}
                          onToggle={() => toggle(team)}
                          testId="team-toggle"
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={list.items.length}
          testId="teams-load-more"
        />
      </Card>
      {dialog && <TeamFormModal team={dialog.team} onClose={() => setDialog(null)} />}
    </div>
  );
}
