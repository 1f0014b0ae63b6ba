import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../ui/hooks/use-lang.ts';
import type { TotalItem } from '../utils/emissions-api.ts';
import { formatAmount, pollutantName, pollutantOrder, pollutantUnit } from '../utils/pollutant-units.ts';

interface Props<T extends TotalItem> {
  items: T[];
  testId: string;
  /** The first column (category, division, region); none for the table by pollutant. */
  keyColumn?: { title: string; render: (item: T) => ReactNode };
  loading?: boolean;
}

const sum = (a: number, b: number) => Number((a + b).toPrecision(12));

/** Totals per pollutant (and per key): emitted approved / in review / total, generated, in the pollutant's unit. */
export function TotalsTable<T extends TotalItem>({ items, testId, keyColumn, loading }: Props<T>) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = [...items].sort((a, b) => (a.key === b.key ? pollutantOrder(a.pollutant) - pollutantOrder(b.pollutant) : a.key.localeCompare(b.key)));
  const amount = (v: number, p: string, id: string) => <span data-testid={id} data-value={v}>{formatAmount(v, p)}</span>;
  const columns: TableColumnsType<T> = [
    ...(keyColumn ? [{ key: 'key', title: keyColumn.title, render: (_: unknown, r: T) => keyColumn.render(r) }] : []),
    { key: 'pollutant', title: t('emissions.col.pollutant'), render: (_, r) => <span title={r.pollutant}>{pollutantName(r.pollutant, lang)}</span> },
    { key: 'unit', title: t('emissions.col.unit'), width: 60, render: (_, r) => pollutantUnit(r.pollutant) },
    { key: 'ea', title: t('emissions.col.emittedApproved'), align: 'right', render: (_, r) => amount(r.approved.emitted, r.pollutant, 'emitted-approved') },
    { key: 'er', title: t('emissions.col.emittedReview'), align: 'right', render: (_, r) => amount(r.review.emitted, r.pollutant, 'emitted-review') },
    { key: 'et', title: t('emissions.col.emittedTotal'), align: 'right', render: (_, r) => amount(sum(r.approved.emitted, r.review.emitted), r.pollutant, 'emitted-total') },
    { key: 'g', title: t('emissions.col.generated'), align: 'right', render: (_, r) => amount(sum(r.approved.generated, r.review.generated), r.pollutant, 'generated-total') },
    { key: 'n', title: t('emissions.col.figures'), align: 'right', width: 90, dataIndex: 'figures' },
  ];
  return (
    <Table<T>
      data-testid={testId}
      size="small"
      rowKey={(r) => `${r.key}|${r.pollutant}`}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('emissions.empty') }}
      onRow={(r) => ({ 'data-testid': `${testId}-row`, 'data-key': r.key, 'data-pollutant': r.pollutant }) as HTMLAttributes<HTMLElement>}
    />
  );
}
