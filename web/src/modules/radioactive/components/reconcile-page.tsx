import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useListEnterprise, useReconcile } from '../hooks/use-radioactive.ts';
import { useMineralName } from '../hooks/use-mineral-name.ts';
import type { Enterprise, ReconcileSource } from '../utils/radioactive-api.ts';
import { StageTag } from './stage-tag.tsx';

/** /radioactive/reconcile — the initial list against the inventory, both ways. */
export function ReconcilePage() {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') || session.regionCode;
  const data = useReconcile(region);
  const listing = useListEnterprise();
  const mineralName = useMineralName();

  const add = (s: ReconcileSource) =>
    listing.mutate({ sourceId: s.sourceId }, {
      onSuccess: () => notify.success(t('radioactive.list.listed')),
      onError: (e) => (isApiError(e, 'RADIO_ALREADY_LISTED') ? notify.error(new Error(t('radioactive.list.alreadyListed'))) : notify.error(e)),
    });

  return (
    <>
      <Card
        size="small"
        title={t('radioactive.reconcile.missingFromList')}
        extra={<RegionPicker data-testid="radio-reconcile-region" value={region} onChange={(r) => setParams(r ? { region: r } : {}, { replace: true })} />}
      >
        <QueryErrorAlert error={data.error} onRetry={data.refetch} />
        <Table<ReconcileSource>
          data-testid="radio-missing"
          size="small"
          rowKey="sourceId"
          loading={data.isPending}
          dataSource={data.data?.missingFromList ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('radioactive.reconcile.allListed') }}
          onRow={(s) => ({ 'data-testid': `radio-missing-${s.sourceId}` }) as object}
          columns={[
            { title: t('radioactive.fields.name'), key: 'name', render: (_, s) => <Link to={`/directory/${s.sourceId}`}>{s.name}</Link> },
            { title: t('radioactive.fields.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string | null) => v ?? '—' },
            { title: t('radioactive.fields.region'), key: 'region', width: 150, render: (_, s) => s.regionName ?? s.regionCode },
            ...(can('radioactive.list') ? [{
              title: t('common.actions'), key: 'act', width: 120,
              render: (_: unknown, s: ReconcileSource) => (
                <Button size="small" icon={<PlusOutlined />} data-testid={`radio-missing-add-${s.sourceId}`}
                  loading={listing.isPending && (listing.variables as { sourceId?: number } | undefined)?.sourceId === s.sourceId} onClick={() => add(s)}>
                  {t('radioactive.reconcile.addToList')}
                </Button>
              ),
            }] : []),
          ]}
        />
      </Card>
      <Card size="small" className="block-gap" style={{ marginTop: 12 }} title={t('radioactive.reconcile.notInInventory')}>
        <Table<Enterprise>
          data-testid="radio-not-in-inventory"
          size="small"
          rowKey="id"
          loading={data.isPending}
          dataSource={data.data?.notInInventory ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('radioactive.reconcile.allInInventory') }}
          onRow={(e) => ({ 'data-testid': `radio-not-in-inventory-${e.id}` }) as object}
          columns={[
            { title: t('radioactive.fields.name'), key: 'name', render: (_, e) => <Link to={`/radioactive/enterprises/${e.id}`}>{e.name}</Link> },
            { title: t('radioactive.fields.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string | null) => v ?? '—' },
            { title: t('radioactive.fields.region'), key: 'region', width: 150, render: (_, e) => e.regionName ?? e.regionCode },
            { title: t('radioactive.fields.minerals'), key: 'minerals', width: 150, render: (_, e) => (e.minerals ?? []).map((m) => <Tag key={m}>{mineralName(m)}</Tag>) },
            { title: t('radioactive.fields.stage'), key: 'stage', width: 140, render: (_, e) => (e.stage ? <StageTag stage={e.stage} /> : '—') },
          ]}
        />
      </Card>
    </>
  );
}
