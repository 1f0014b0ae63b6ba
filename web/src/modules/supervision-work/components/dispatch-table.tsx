import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { showMetric, TABLE_METRICS, type ProgressRow } from '../utils/supervision-api.ts';

/** The ranked regions of a dispatch (or a briefing's table): rank, its change, the metrics, the lag. */
export function DispatchTable({ rows, metrics = TABLE_METRICS, testId = 'dispatch-table' }: { rows: ProgressRow[]; metrics?: readonly string[]; testId?: string }) {
  const { t } = useTranslation();
  const columns: ColumnsType<ProgressRow> = [
    { title: t('supervisionWork.dispatch.rank'), dataIndex: 'rank', width: 56, align: 'right' },
    { title: t('supervisionWork.dispatch.rankChange'), dataIndex: 'rankChange', width: 64, align: 'right', render: (c: number | null) => <RankChange change={c} /> },
    { title: t('supervisionWork.dispatch.region'), key: 'region', width: 140, render: (_, r) => <span>{r.name}</span> },
    ...metrics.map((m) => ({
      title: t(`supervisionWork.metrics.${m as 'progress'}`, { defaultValue: m }),
      key: m,
      width: 100,
      align: 'right' as const,
      render: (_: unknown, r: ProgressRow) => showMetric(m, r.metrics[m]),
    })),
    { title: t('supervisionWork.metrics.progress'), dataIndex: 'progress', width: 90, align: 'right', render: (v: number) => showMetric('progress', v) },
    { title: t('supervisionWork.metrics.expected'), dataIndex: 'expected', width: 90, align: 'right', render: (v: number) => showMetric('expected', v) },
    { title: t('supervisionWork.metrics.lagScore'), dataIndex: 'lagScore', width: 80, align: 'right', render: (v: number) => <Typography.Text strong={v >= 30} type={v >= 30 ? 'danger' : undefined}>{showMetric('lagScore', v)}</Typography.Text> },
    {
      title: t('supervisionWork.dispatch.gapsCol'),
      key: 'gaps',
      width: 200,
      render: (_, r) => (r.gaps.length ? r.gaps.map((g) => <Tag key={g} className="inline-tag">{t(`supervisionWork.gaps.${g as 'funds'}`, { defaultValue: g })}</Tag>) : '—'),
    },
    { title: '', key: 'laggard', width: 70, render: (_, r) => r.laggard && <Tag className="inline-tag" color="error">{t('supervisionWork.dispatch.laggardTag')}</Tag> },
  ];
  return (
    <Table<ProgressRow>
      data-testid={testId}
      size="small"
      rowKey="code"
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 900 }}
      onRow={(r) => ({ 'data-testid': `row-${r.code}`, 'data-laggard': String(r.laggard) }) as HTMLAttributes<HTMLElement>}
    />
  );
}

function RankChange({ change }: { change: number | null }) {
  if (change === null || change === undefined) return <span className="muted">—</span>;
  if (change === 0) return <span className="muted">0</span>;
  return change > 0
    ? <Typography.Text type="success"><ArrowUpOutlined />{change}</Typography.Text>
    : <Typography.Text type="danger"><ArrowDownOutlined />{-change}</Typography.Text>;
}
