import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionCheck, RuleRow } from '../../../api/review-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formName } from '../utils/form-names.ts';

/** How often each rule fires in the scope's current submissions, most first, with its regions. */
export function RulesTable({ items, loading }: { items: RuleRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table<RuleRow>
      data-testid="qc-rules"
      size="small"
      rowKey={(r) => `${r.form}|${r.rule}|${r.severity}`}
      loading={loading}
      dataSource={[...items].sort((a, b) => b.count - a.count)}
      pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
      locale={{ emptyText: t('review.qc.noRules') }}
      columns={[
        { title: t('review.qc.form'), dataIndex: 'form', width: 200, ellipsis: true, render: (f: string) => <span title={formName(f, lang)}>{f} {formName(f, lang)}</span> },
        { title: t('review.qc.rule'), dataIndex: 'rule', width: 200, render: (r: string) => <code>{r}</code> },
        { title: t('review.qc.severity'), dataIndex: 'severity', width: 80, render: (s: RuleRow['severity']) => <Tag color={s === 'blocking' ? 'error' : 'warning'}>{t(`review.qc.severities.${s}`)}</Tag> },
        { title: t('review.qc.count'), dataIndex: 'count', width: 80, align: 'right' },
        {
          title: t('review.qc.byRegion'),
          key: 'regions',
          render: (_, r) => r.regions.map((x) => <Tag key={x.code} className="inline-tag" title={x.code}>{x.name ?? x.code} · {x.count}</Tag>),
        },
      ]}
    />
  );
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** Regions whose share of forms with warnings is well over their peers' median. */
export function RegionChecks({ items }: { items: RegionCheck[] }) {
  const { t } = useTranslation();
  const outliers = items.filter((c) => c.outlier);
  if (outliers.length === 0) return null;
  return (
    <div className="block-gap" data-testid="qc-outliers">
      <Typography.Text strong>{t('review.qc.outliers')}</Typography.Text>
      <ul className="plain-list">
        {outliers.map((c) => (
          <li key={c.regionCode} data-testid={`qc-outlier-${c.regionCode}`}>
            {c.regionName ?? c.regionCode} · {t('review.qc.outlier', { value: pct(c.value), median: pct(c.median) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
