import { Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/types.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useAuditList, type AuditFilters as Filters } from '../hooks/use-audit-list.ts';
import { AuditDiff } from './audit-diff.tsx';
import { AuditFilters } from './audit-filters.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [filters, setFilters] = useState<Filters>({});
  const list = useAuditList(filters);

  return (
    <div className="page">
      <Card size="small" title={t('audit.title')}>
        <AuditFilters onApply={setFilters} />
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <Table<AuditEntry>
          data-testid="audit-table"
          size="small"
          rowKey="id"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} />, rowExpandable: (e) => e.before != null || e.after != null }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, lang) },
            { title: t('audit.actor'), dataIndex: 'actorUsername', width: 130 },
            { title: t('audit.action'), dataIndex: 'action', width: 170, render: (v: string) => <Tag>{v}</Tag> },
            { title: t('audit.entity'), dataIndex: 'entity', width: 110 },
            { title: t('audit.entityId'), dataIndex: 'entityId', width: 110, render: (v: string) => <span className="mono">{v}</span> },
            {
              title: t('audit.region'),
              dataIndex: 'regionCode',
              render: (v: string | null) => (v ? <Typography.Text className="mono">{v}</Typography.Text> : t('common.none')),
            },
          ]}
        />
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={list.items.length}
          testId="audit-load-more"
        />
      </Card>
    </div>
  );
}
