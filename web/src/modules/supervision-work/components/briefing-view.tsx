import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressRow, ShownBlock } from '../utils/supervision-api.ts';
import { DispatchTable } from './dispatch-table.tsx';
import { MetricChart } from './metric-chart.tsx';

/** A briefing as read: paragraphs (plain text, split at blank lines), tables and charts of the figures as of its date. */
export function BriefingView({ title, asOf, blocks }: { title: string; asOf: string; blocks: ShownBlock[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="briefing-view">
      <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="briefing-title">{title}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>{t('supervisionWork.briefings.asOf')} {asOf}</Typography.Paragraph>
      {blocks.map((b, i) => <BlockView key={i} block={b} index={i} />)}
    </div>
  );
}

function BlockView({ block: b, index }: { block: ShownBlock; index: number }) {
  const { t } = useTranslation();
  const rows = b.data?.rows as ProgressRow[] | undefined;
  if (b.kind === 'text') {
    return (
      <div data-testid={`briefing-block-${index}`} data-kind="text">
        {b.text.split(/\n\s*\n/).filter((p) => p.trim()).map((p, j) => <Typography.Paragraph key={j} style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{p}</Typography.Paragraph>)}
      </div>
    );
  }
  if (!b.data) return <Empty data-testid={`briefing-block-${index}`} image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervisionWork.briefing.noData')} />;
  if (b.kind === 'table') {
    return <div className="block-gap" data-testid={`briefing-block-${index}`} data-kind="table"><DispatchTable rows={rows ?? []} metrics={b.metrics} testId={`briefing-table-${index}`} /></div>;
  }
  return (
    <div className="block-gap" data-testid={`briefing-block-${index}`} data-kind="chart">
      <MetricChart metric={b.metric} rows={rows} points={b.data.points} />
    </div>
  );
}
