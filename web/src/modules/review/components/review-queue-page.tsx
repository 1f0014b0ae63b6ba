import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { QueueFilter } from '../../../api/review-types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useQueueSummary, useReviewQueue } from '../hooks/use-review-queue.ts';
import { formName } from '../utils/form-names.ts';
import { filterFromParams, filterToParams } from '../utils/queue-filter-url.ts';
import { BulkApprove } from './bulk-approve.tsx';
import { QueueFilters } from './queue-filters.tsx';
import { QueueTable } from './queue-table.tsx';
import { SubmissionsExport } from './submissions-export.tsx';

/** /review — what waits at my level of the chain, oldest first, with the filter's totals and bulk approval. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const list = useReviewQueue(filter);
  const summary = useQueueSummary(filter);
  const s = summary.data;
  const level = s?.level;
  const change = (f: Partial<QueueFilter>) => setParams(filterToParams({ ...filter, ...f }), { replace: true });
  const refresh = () => {
    void list.refetch();
    void summary.refetch();
  };

  return (
    <div className="page">
      <Card
        size="small"
        title={
          <Space>
            <span>{t('review.queue.title')}</span>
            {level && <Tag data-testid="queue-level" data-level={level}>{t('review.queue.atLevel', { level: t(`review.levels.${level}`) })}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {can('survey.read') && <SubmissionsExport form={filter.form} region={filter.township} />}
            {can('review.act') && <BulkApprove filter={filter} total={s?.total ?? 0} disabled={!s} />}
            <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="queue-refresh">
              {t('common.refresh')}
            </Button>
          </Space>
        }
      >
        <QueueFilters filter={filter} onChange={change} />
        {s && (
          <Space wrap className="block-gap" data-testid="queue-summary">
            <Typography.Text strong data-testid="queue-total" data-count={s.total}>{t('review.queue.total', { count: s.total })}</Typography.Text>
            {s.oldest && <Typography.Text type="secondary" data-testid="queue-oldest">{t('review.queue.oldest', { date: formatDateTime(s.oldest, lang) })}</Typography.Text>}
            {s.byForm.map((f) => (
              <Tag key={f.form} className="inline-tag clickable-row" title={formName(f.form, lang)} data-testid={`queue-by-form-${f.form}`} onClick={() => change({ form: f.form })}>
                {f.form} · {f.count}
              </Tag>
            ))}
          </Space>
        )}
        <QueryErrorAlert error={list.error ?? summary.error} onRetry={refresh} />
        <QueueTable
          items={list.items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          onOpen={(r) => navigate({ pathname: `/review/submissions/${r.id}`, search: params.toString() })}
        />
        <LoadMoreButton hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} shown={list.items.length} testId="queue-load-more" />
      </Card>
    </div>
  );
}
