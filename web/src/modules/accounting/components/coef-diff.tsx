import { Alert, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoefRow } from '../../../api/accounting-types.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useCoefDiff } from '../hooks/use-coefficients.ts';
import { coefColumns } from './coef-columns.tsx';

/** What a version adds, removes and changes against the version in force of its census. */
export function CoefDiff({ versionId }: { versionId: number }) {
  const { t } = useTranslation();
  const diff = useCoefDiff(versionId, true);
  const cols = coefColumns(t);
  const d = diff.data;
  if (diff.error) return <QueryErrorAlert error={diff.error} onRetry={diff.refetch} />;
  if (!d) return <Table loading dataSource={[]} columns={cols} size="small" />;
  type Side = CoefRow & { side: 'before' | 'after'; k: string };
  const changed: Side[] = d.changed.flatMap((c) => [
    { ...c.before, side: 'before' as const, k: `${c.key}|b` },
    { ...c.after, side: 'after' as const, k: `${c.key}|a` },
  ]);
  const same = !d.added.length && !d.removed.length && !d.changed.length;
  return (
    <div data-testid="coef-diff">
      <Alert className="block-gap" type={same ? 'success' : 'info'} showIcon
        title={d.against === null ? t('accounting.coefficients.diffNone') : same ? t('accounting.coefficients.diffSame') : t('accounting.coefficients.diffAgainst', { id: d.against })} />
      <Tabs
        size="small"
        items={[
          { key: 'changed', label: <span data-testid="coef-diff-changed">{t('accounting.coefficients.changed', { count: d.changed.length })}</span>,
            children: <Table size="small" rowKey="k" pagination={false} scroll={{ x: 1300 }} dataSource={changed}
              columns={[{ title: '', key: 'side', width: 60, render: (_: unknown, r: Side) => <Tag color={r.side === 'after' ? 'blue' : 'default'}>{r.side === 'after' ? t('accounting.coefficients.after') : t('accounting.coefficients.before')}</Tag> }, ...(cols.slice(1) as TableColumnsType<Side>)]} /> },
          { key: 'added', label: <span data-testid="coef-diff-added">{t('accounting.coefficients.added', { count: d.added.length })}</span>,
            children: <Table size="small" rowKey="rowNo" pagination={false} scroll={{ x: 1200 }} dataSource={d.added} columns={cols} /> },
          { key: 'removed', label: <span data-testid="coef-diff-removed">{t('accounting.coefficients.removed', { count: d.removed.length })}</span>,
            children: <Table size="small" rowKey="rowNo" pagination={false} scroll={{ x: 1200 }} dataSource={d.removed} columns={cols} /> },
        ]}
      />
    </div>
  );
}
