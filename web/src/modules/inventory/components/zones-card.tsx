import { AimOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CensusZone } from '../../../api/inventory-types.ts';
import type { Job } from '../../../api/types.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useAssignByAddress, useZones } from '../hooks/use-zones.ts';
import { ZoneAssignProgress } from './zone-assign-progress.tsx';
import { ZoneFormModal } from './zone-form-modal.tsx';
import { ZoneSourcesModal } from './zone-sources-modal.tsx';

interface Props {
  region: string;
  /** Zones are made in a township only. */
  township: boolean;
}

/** 普查小区 of a region: list, create, edit, place sources by address (a job) or by hand. */
export function ZonesCard({ region, township }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const zones = useZones(region);
  const assign = useAssignByAddress();
  const [editing, setEditing] = useState<CensusZone | null | 'new'>(null);
  const [filling, setFilling] = useState<CensusZone | null>(null);
  const [job, setJob] = useState<Job | null>(null);

  const placeByAddress = () => assign.mutate(region, { onSuccess: (r) => setJob(r.job), onError: notify.error });

  return (
    <Card
      size="small"
      className="block-gap"
      title={t('inventory.plan.zones')}
      data-testid="zones-card"
      extra={
        <Space wrap>
          <Button icon={<AimOutlined />} data-testid="zone-assign" loading={assign.isPending} onClick={placeByAddress}>
            {t('inventory.plan.assignByAddress')}
          </Button>
          <Tooltip title={township ? undefined : t('inventory.plan.townshipOnly')}>
            <Button type="primary" icon={<PlusOutlined />} data-testid="zone-create" disabled={!township} onClick={() => setEditing('new')}>
              {t('inventory.plan.newZone')}
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {job && <ZoneAssignProgress key={job.id} started={job} onClose={() => setJob(null)} />}
      {!township && <Alert className="block-gap" type="info" showIcon title={t('inventory.plan.townshipOnly')} />}
      <QueryErrorAlert error={zones.error} onRetry={zones.refetch} />
      <Table<CensusZone>
        data-testid="zones-table"
        size="small"
        rowKey="id"
        loading={zones.isFetching}
        dataSource={zones.data ?? []}
        pagination={false}
        onRow={(z) => ({ 'data-testid': `zone-row-${z.code}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('inventory.plan.zoneCode'), dataIndex: 'code', width: 170, render: (v: string) => <span className="option-code">{v}</span> },
          { title: t('inventory.plan.zoneName'), dataIndex: 'name', width: 180 },
          { title: t('inventory.fields.region'), dataIndex: 'regionName', width: 120 },
          { title: t('inventory.plan.keywords'), key: 'keywords', render: (_, z) => z.keywords.map((k) => <Tag key={k}>{k}</Tag>) },
          { title: t('inventory.plan.sources'), dataIndex: 'sources', width: 90, align: 'right', render: (n: number) => <span data-testid="zone-sources">{n}</span> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_, z) => (
              <Space size={4}>
                <Button size="small" type="link" data-testid={`zone-edit-${z.id}`} onClick={() => setEditing(z)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" data-testid={`zone-fill-${z.id}`} onClick={() => setFilling(z)}>
                  {t('inventory.plan.addSources')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <ZoneFormModal zone={editing === 'new' ? null : editing} township={region} onClose={() => setEditing(null)} />}
      {filling && <ZoneSourcesModal zone={filling} region={filling.regionCode.slice(0, 6)} onClose={() => setFilling(null)} />}
    </Card>
  );
}
