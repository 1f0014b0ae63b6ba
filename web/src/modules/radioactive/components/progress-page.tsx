import { Card, Collapse, Empty, Progress, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionCrumbs } from '../../regions/components/region-crumbs.tsx';
import { useRegion } from '../../regions/hooks/use-region.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useQa, useRadioProgress } from '../hooks/use-radioactive.ts';
import { groupIssues } from '../utils/qa.ts';
import { asPercent, detailIn, type ProgressChild, type QaIssue } from '../utils/radioactive-api.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';

/** /radioactive/progress — listed, measured, above and detailed per child region (drill down by a click), and the QA issues by check. */
export function RadioProgressPage() {
  const { t } = useTranslation();
  const session = useSession();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') || session.regionCode;
  const progress = useRadioProgress(region);
  const qa = useQa(region);
  const name = useRegion(region).data?.name ?? region;
  const groups = groupIssues(qa.data?.issues ?? []);
  const totals = progress.data?.totals;
  const rows: Array<ProgressChild & { total?: boolean }> = [
    ...(progress.data?.children ?? []),
    ...(totals ? [{ ...totals, code: '', name: t('radioactive.progress.total'), total: true }] : []),
  ];
  const n = (k: 'listed' | 'measured' | 'above' | 'detailedDone') => (_: unknown, r: ProgressChild) => <span data-testid={`radio-progress-${r.code || 'total'}-${k}`}>{r[k]}</span>;

  return (
    <>
      <RegionCrumbs code={region} name={name} base="/radioactive/progress" testId="radio-progress" />
      <Card size="small" title={t('radioactive.progress.title')}>
        <QueryErrorAlert error={progress.error} onRetry={progress.refetch} />
        <Table<ProgressChild & { total?: boolean }>
          data-testid="radio-progress"
          size="small"
          rowKey={(r) => r.code || 'total'}
          loading={progress.isPending}
          dataSource={rows}
          pagination={false}
          onRow={(r) => ({
            'data-testid': `radio-progress-row-${r.code || 'total'}`,
            style: r.total ? { fontWeight: 600 } : undefined,
          }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('radioactive.progress.region'), key: 'name', width: 200,
              render: (_, r) => (r.total ? r.name : (
                <Typography.Link data-testid={`radio-progress-open-${r.code}`} onClick={() => setParams({ region: r.code })}>{r.name}</Typography.Link>
              )),
            },
            { title: t('radioactive.progress.listed'), key: 'listed', width: 90, align: 'right', render: n('listed') },
            { title: t('radioactive.progress.measured'), key: 'measured', width: 90, align: 'right', render: n('measured') },
            {
              title: t('radioactive.progress.measuredPct'), key: 'pct', width: 200,
              render: (_, r) => <Progress size="small" percent={asPercent(r.measuredPct)} data-testid={`radio-progress-${r.code || 'total'}-pct`} />,
            },
            { title: t('radioactive.progress.above'), key: 'above', width: 110, align: 'right', render: (v, r) => <span style={r.above ? { color: '#cf1322' } : undefined}>{n('above')(v, r)}</span> },
            { title: t('radioactive.progress.detailedDone'), key: 'detailedDone', width: 90, align: 'right', render: n('detailedDone') },
          ]}
        />
      </Card>
      <Card size="small" className="block-gap" style={{ marginTop: 12 }} title={t('radioactive.progress.qa')} data-testid="radio-qa">
        <QueryErrorAlert error={qa.error} onRetry={qa.refetch} />
        {groups.length === 0 ? (
          <Empty description={t('radioactive.progress.noIssues')} />
        ) : (
          <Collapse
            size="small"
            items={groups.map((g) => ({
              key: g.check,
              label: <span data-testid={`radio-qa-${g.check}`}>{t('radioactive.withCode', { name: t(`radioactive.progress.checks.${g.check}`), code: g.issues.length })}</span>,
              children: (
                <Table<QaIssue>
                  size="small"
                  rowKey={(i, k) => `${i.enterpriseId ?? ''}-${i.sourceId ?? ''}-${k}`}
                  dataSource={g.issues}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    {
                      title: t('radioactive.fields.name'), key: 'name',
                      render: (_, i) => (i.enterpriseId ? <Link to={`/radioactive/enterprises/${i.enterpriseId}`}>{i.name}</Link>
                        : i.sourceId ? <Link to={`/directory/${i.sourceId}`}>{i.name}</Link> : i.name),
                    },
                    { title: t('radioactive.progress.detail'), dataIndex: 'detail', render: (d: string) => detailIn(d ?? '', lang) },
                  ]}
                />
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}
