import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useOutfallList, useReaches } from '../hooks/use-outfalls.ts';
import { filtersFromParams, paramsFromFilters } from '../utils/filters-url.ts';
import type { OutfallFilters as Filters } from '../utils/outfalls-api.ts';
import { OutfallFilters } from './outfall-filters.tsx';
import { OutfallsMap } from './outfalls-map.tsx';
import { OutfallsTable } from './outfalls-table.tsx';

/** /outfalls — the outfalls in scope as a table and a map; one opens in a drawer over both. */
export function OutfallsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const [params, setParams] = useSearchParams();
  const openId = Number(useParams().id) || undefined;
  const filters = filtersFromParams(params);
  const list = useOutfallList(filters);
  const reaches = useReaches(filters.region ?? '');
  const shownReaches = (reaches.data?.items ?? []).filter((r) => !filters.reach || r.id === filters.reach);

  const change = (f: Partial<Filters>) => setParams(paramsFromFilters({ ...filters, ...f }), { replace: true });
  const open = (id: number) => navigate(`/outfalls/${id}${search}`);

  return (
    <div className="page">
      <Card
        size="small"
        title={t('outfalls.register.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} data-testid="outfalls-refresh">
            {t('common.refresh')}
          </Button>
        }
      >
        <OutfallFilters filters={filters} onChange={change} />
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <Row gutter={12}>
          <Col xs={24} xl={14}>
            <OutfallsTable
              items={list.items}
              reaches={reaches.data?.items ?? []}
              loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
              openId={openId}
              onOpen={(o) => open(o.id)}
            />
            <LoadMoreButton
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              fetchNextPage={list.fetchNextPage}
              shown={list.items.length}
              testId="outfalls-load-more"
            />
          </Col>
          <Col xs={24} xl={10}>
            <OutfallsMap items={list.items} reaches={shownReaches} onOpen={open} />
          </Col>
        </Row>
      </Card>
      <Suspense fallback={null}>
        <Outlet />
      </Suspense>
    </div>
  );
}
