import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { showMetric, type BlockData, type BriefingBlock } from '../utils/supervision-api.ts';
import { MetricChart } from './metric-chart.tsx';

type Row = BlockData['rows'][number];

/** A briefing as read: paragraphs (plain text, split at blank lines), tables and charts of the figures as of its date. */
export function BriefingView({ title, asOf, blocks, data }: { title: string; asOf: string; blocks: BriefingBlock[]; data: Array<BlockData | null> | undefined }) {
  const { t } = useTranslation();
  return (
    <div data-testid="briefing-view">
      <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="briefing-title">{title}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>{t('supervisionWork.briefings.asOf')} {asOf}</Typography.Paragraph>
      {blocks.map((b, i) => <BlockView key={i} block={b} data={data?.[i] ?? null} index={i} />)}
    </div>
  );
}

function BlockView({ block: b, data, index }: { block: BriefingBlock; data: BlockData | null; index: number }) {
  const { t } = useTranslation();
  if (b.kind === 'text') {
    return (
      <div data-testid={`briefing-block-${index}`} data-kind="text">
        {b.text.split(/\n\s*\n/).filter((p) => p.trim()).map((p, j) => <Typography.Paragraph key={j} style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{p}</Typography.Paragraph>)}
      </div>
    );
  }
  if (!data) return <Empty data-testid={`briefing-block-${index}`} image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervisionWork.briefing.noData')} />;
  if (b.kind === 'chart') {
    return (
      <div className="block-gap" data-testid={`briefing-block-${index}`} data-kind="chart">
        <Typography.Text strong>{data.region.name} · {t(`supervisionWork.metrics.${b.metric as 'progress'}`, { defaultValue: b.metric })}</Typography.Text>
        <MetricChart metric={b.metric} bars={data.rows.map((r) => ({ name: r.name, value: r.values[b.metric] ?? null }))} />
      </div>
    );
  }
  const columns: ColumnsType<Row> = [
    { title: t('supervisionWork.dispatch.rank'), dataIndex: 'rank', width: 56, align: 'right' },
    { title: t('supervisionWork.dispatch.region'), dataIndex: 'name', width: 140 },
    ...b.metrics.map((m) => ({
      title: t(`supervisionWork.metrics.${m as 'progress'}`, { defaultValue: m }), key: m, width: 110, align: 'right' as const,
      render: (_: unknown, r: Row) => showMetric(m, r.values[m]),
    })),
  ];
  return (
    <div className="block-gap" data-testid={`briefing-block-${index}`} data-kind="table">
      <Typography.Text strong>{data.region.name}</Typography.Text>
      <Table<Row> size="small" rowKey="code" dataSource={data.rows} columns={columns} pagination={false} data-testid={`briefing-table-${index}`}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1}>{data.region.name}</Table.Summary.Cell>
            {b.metrics.map((m, j) => <Table.Summary.Cell key={m} index={j + 2} align="right">{showMetric(m, data.self[m])}</Table.Summary.Cell>)}
          </Table.Summary.Row>
        )} />
    </div>
  );
}
