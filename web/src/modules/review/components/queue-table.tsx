import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../api/review-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { formName } from '../utils/form-names.ts';
import { StatusTag } from './status-tag.tsx';

interface Props {
  items: QueueItem[];
  loading: boolean;
  onOpen: (r: QueueItem) => void;
}

/** The queue, oldest first: each row opens the review of its submission. */
export function QueueTable({ items, loading, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: ColumnsType<QueueItem> = [
    { title: t('review.queue.age'), dataIndex: 'ageDays', width: 90, align: 'right', render: (d: number) => <span data-testid="queue-age">{d}</span> },
    { title: t('review.queue.source'), key: 'source', width: 260, render: (_, r) => <Typography.Link data-testid="queue-source">{r.sourceName}</Typography.Link> },
    { title: t('review.queue.form'), key: 'form', width: 220, ellipsis: true, render: (_, r) => <span title={formName(r.form, lang)}>{r.form} {formName(r.form, lang)}</span> },
    { title: t('review.queue.region'), dataIndex: 'regionName', width: 140, ellipsis: true },
    { title: t('review.queue.status'), key: 'status', width: 90, render: (_, r) => <StatusTag status={r.status} /> },
    {
      title: t('review.queue.warnings'),
      key: 'warnings',
      width: 200,
      render: (_, r) => (
        <span data-testid="queue-warnings">
          {r.unexplained > 0 && <Tag className="inline-tag" color="warning">{t('review.queue.unexplained', { count: r.unexplained })}</Tag>}
          {r.explained > 0 && <Tag className="inline-tag">{t('review.queue.explained', { count: r.explained })}</Tag>}
          {r.permitFlags > 0 && <Tag className="inline-tag" color="volcano" data-testid="queue-permit">{t('review.queue.permit', { count: r.permitFlags })}</Tag>}
          {r.warnings === 0 && r.permitFlags === 0 && t('common.none')}
        </span>
      ),
    },
    { title: t('review.queue.filledBy'), dataIndex: 'filledBy', width: 120, ellipsis: true, render: (v: string | null) => v ?? t('common.none') },
    { title: t('review.queue.waitingSince'), dataIndex: 'waitingSince', width: 170, render: (v: string | null) => formatDateTime(v, lang) },
  ];
  return (
    <Table<QueueItem>
      data-testid="queue-table"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={{ x: 1290 }}
      locale={{ emptyText: t('review.queue.empty') }}
      rowClassName="clickable-row"
      onRow={(r) => ({ 'data-testid': `queue-row-${r.id}`, 'data-source': r.sourceId, onClick: () => onOpen(r) }) as HTMLAttributes<HTMLElement>}
    />
  );
}
