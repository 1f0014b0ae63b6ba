import { Button, Descriptions, Drawer, Form, Input, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { usePackage, useReassignPackage } from '../hooks/use-packages.ts';
import { TeamSelect } from './team-select.tsx';

/** One work package: what it holds, who had it and why it moved; reassign it to another team with a reason. */
export function PackageDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const query = usePackage(id);
  const reassign = useReassignPackage();
  const p = query.data;
  const [teamId, setTeamId] = useState<number>();
  const [reason, setReason] = useState('');

  const submit = () =>
    p &&
    teamId &&
    reassign.mutate(
      { id: p.id, version: p.version, teamId, reason: reason.trim() },
      {
        onSuccess: () => (setTeamId(undefined), setReason(''), notify.success(t('inventory.plan.reassigned'))),
        onError: (e) => notify.error(isApiError(e, 'VERSION_CONFLICT') ? new Error(t('inventory.drawer.reloaded')) : e),
      },
    );

  return (
    <Drawer open onClose={onClose} size={560} data-testid="package-drawer" title={p ? p.name : `#${id}`}>
      <QueryErrorAlert error={query.error} onRetry={query.refetch} />
      {!p && query.isPending && <Skeleton active />}
      {p && (
        <div data-testid="package-detail" data-version={p.version} data-team={p.teamId}>
          <Descriptions size="small" column={1} className="block-gap">
            <Descriptions.Item label={t('inventory.plan.team')}>
              <span data-testid="package-team-name">{p.teamName}</span> <Tag>{t(`teams.kinds.${p.teamKind}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('inventory.fields.region')}>{p.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('inventory.plan.zone')}>{p.zoneCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('inventory.plan.sources')}>
              {p.visited} / {p.sources}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('inventory.plan.reassign')}</Typography.Title>
          <Form layout="vertical" className="block-gap">
            <Form.Item label={t('inventory.plan.reassignTo')} required>
              <TeamSelect region={p.regionCode.slice(0, 6)} value={teamId} onChange={setTeamId} exclude={p.teamId} data-testid="reassign-team" />
            </Form.Item>
            <Form.Item label={t('inventory.plan.reassignReason')} required>
              <Input.TextArea data-testid="reassign-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Form.Item>
            <Button type="primary" data-testid="reassign-submit" disabled={!teamId || !reason.trim()} loading={reassign.isPending} onClick={submit}>
              {t('inventory.plan.reassign')}
            </Button>
          </Form>
          <Typography.Title level={5}>{t('inventory.plan.history')}</Typography.Title>
          <Timeline
            data-testid="package-history"
            items={p.history.map((h, i) => ({
              key: i,
              content: (
                <Space orientation="vertical" size={0}>
                  <strong>{h.teamName}</strong>
                  <Typography.Text type="secondary" className="progress-count">
                    {formatDateTime(h.at, lang)}
                    {h.actor ? ` · ${h.actor}` : ''}
                  </Typography.Text>
                  {h.reason && <span>{h.reason}</span>}
                </Space>
              ),
            }))}
          />
        </div>
      )}
    </Drawer>
  );
}
