import { ReloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { ProgressRow } from '../../../api/inventory-types.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useProgress } from '../hooks/use-progress.ts';
import { isZoneRow } from '../utils/is-zone-row.ts';
import { PilotList } from './pilot-list.tsx';
import { ProgressBreadcrumbs } from './progress-breadcrumbs.tsx';
import { ProgressTable } from './progress-table.tsx';

/** /inventory — progress of the inventory, drilled from the caller's region down to townships, then zones. */
export function ProgressPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const q = useProgress(region);
  const data = q.data;

  // A zone has no level below: it opens as the list of its records.
  const open = (r: ProgressRow) => navigate(isZoneRow(r) ? `/inventory/records?zone=${r.code}` : `/inventory?region=${r.code}`);

  return (
    <div className="page">
      <PilotList />
      <Card
        size="small"
        title={t('inventory.progress.title')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} data-testid="progress-refresh">
              {t('common.refresh')}
            </Button>
            <Button icon={<UnorderedListOutlined />} onClick={() => navigate(data ? `/inventory/records?region=${data.region.code}` : '/inventory/records')} data-testid="progress-records">
              {t('inventory.records.title')}
            </Button>
          </Space>
        }
      >
        {data && <ProgressBreadcrumbs code={data.region.code} name={data.region.name} />}
        <QueryErrorAlert error={q.error} onRetry={q.refetch} />
        <div data-testid="progress-region" data-code={data?.region.code ?? ''} data-level={data?.region.level ?? ''}>
          <ProgressTable rows={data?.rows ?? []} total={data?.total} loading={q.isPending || q.isFetching} onOpen={open} />
        </div>
      </Card>
    </div>
  );
}
