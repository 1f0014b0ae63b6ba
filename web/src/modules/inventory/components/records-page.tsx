import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useRecordList, type RecordFilters as Filters } from '../hooks/use-record-list.ts';
import { filtersFromParams, paramsFromFilters } from '../utils/record-filters-url.ts';
import { RecordFilters } from './record-filters.tsx';
import { RecordsTable } from './records-table.tsx';

/** /inventory/records — every inventory record in scope; a row opens its drawer over the list. */
export function RecordsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const [params, setParams] = useSearchParams();
  const openId = Number(useParams().id) || undefined;
  const filters = filtersFromParams(params);
  const list = useRecordList(filters);

  const change = (f: Partial<Filters>) => setParams(paramsFromFilters({ ...filters, ...f }), { replace: true });

  return (
    <div className="page">
      <Card
        size="small"
        title={t('inventory.records.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} data-testid="records-refresh">
            {t('common.refresh')}
          </Button>
        }
      >
        <RecordFilters filters={filters} onChange={change} />
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <RecordsTable
          items={list.items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          openId={openId}
          onOpen={(r) => navigate(`/inventory/records/${r.sourceId}${search}`)}
        />
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={list.items.length}
          testId="records-load-more"
        />
      </Card>
      <Suspense fallback={null}>
        <Outlet />
      </Suspense>
    </div>
  );
}
