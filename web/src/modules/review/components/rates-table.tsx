import { Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateRow } from '../../../api/review-types.ts';

const pct = (v: number | null) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);

/** Error and omission rates per county and source category; a row over a national threshold stands out. */
export function RatesTable({ items, loading }: { items: RateRow[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<RateRow>
      data-testid="qc-rates"
      size="small"
      rowKey={(r) => `${r.regionCode}|${r.category}`}
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('review.qc.noRates') }}
      rowClassName={(r) => (r.overThreshold ? 'rv-over' : '')}
      onRow={(r) => ({ 'data-testid': `rate-row-${r.regionCode}-${r.category === '*' ? 'all' : r.category}`, 'data-over': r.overThreshold }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('review.qc.county'), key: 'region', width: 180, render: (_, r) => <span>{r.regionName ?? r.regionCode} <span className="option-code">{r.regionCode}</span></span> },
        { title: t('review.qc.category'), dataIndex: 'category', width: 120, render: (c: string) => (c === '*' ? <strong>{t('review.qc.whole')}</strong> : t(`directory.categories.${c}`, { defaultValue: c })) },
        { title: t('review.qc.itemsChecked'), dataIndex: 'checked', width: 80, align: 'right' },
        { title: t('review.qc.wrong'), dataIndex: 'wrong', width: 70, align: 'right' },
        { title: t('review.qc.fieldsChecked'), dataIndex: 'fieldsChecked', width: 100, align: 'right' },
        { title: t('review.qc.fieldsWrong'), dataIndex: 'fieldsWrong', width: 100, align: 'right' },
        { title: t('review.qc.missed'), dataIndex: 'missed', width: 90, align: 'right' },
        { title: t('review.qc.errorRate'), dataIndex: 'errorRate', width: 90, align: 'right', render: pct },
        { title: t('review.qc.omissionRate'), dataIndex: 'omissionRate', width: 90, align: 'right', render: pct },
        { title: '', key: 'over', width: 100, render: (_, r) => r.overThreshold && <Tag color="error">{t('review.qc.over')}</Tag> },
      ]}
    />
  );
}
