import { todayInChina } from '../../ui/utils/census-day.ts';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Select, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useChildTotals, useOpenCases, useProgress, useTrend } from '../hooks/use-supervision.ts';
import { hasTrend, METRICS, valueOf, type Metric } from '../utils/metrics.ts';
import { percent } from '../utils/supervision-api.ts';
import { RankingTable } from './ranking-table.tsx';
import { RegionMap } from './region-map.tsx';
import { LaggardList, OpenCases } from './side-lists.tsx';
import { RegionCrumbs } from '../../regions/components/region-crumbs.tsx';
import { TrendChart } from './trend-chart.tsx';


/** /supervision — progress and lag of the children of a region (the caller's own by default): map, ranking, trend, laggards, open cases. */
export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? session.regionCode;
  const asOf = params.get('asOf') ?? todayInChina();
  const metric = (METRICS as readonly string[]).includes(params.get('metric') ?? '') ? (params.get('metric') as Metric) : 'progress';
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v === null ? next.delete(k) : next.set(k, v));
    setParams(next);
  };
  const linkTo = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('region', code);
    return `/supervision?${next.toString()}`;
  };

  const q = useProgress(region, asOf);
  const data = q.data;
  const emissions = metric === 'emissions.SO2';
  const totals = useChildTotals(region, emissions);
  const trendMetric = hasTrend(metric) ? metric : 'progress';
  const trend = useTrend(region, trendMetric, asOf, true);
  const cases = useOpenCases(can('supervision.read'));

  const items = useMemo(() => {
    const rows = data?.rows ?? [];
    if (!emissions) return rows.map((r) => ({ code: r.code, name: r.name, value: valueOf(r, metric) }));
    const so2 = new Map((totals.data?.children ?? []).filter((c) => c.pollutant === 'SO2').map((c) => [c.key, c.approved.emitted + c.review.emitted]));
    return rows.map((r) => ({ code: r.code, name: r.name, value: totals.data ? so2.get(r.code) ?? 0 : null }));
  }, [data, metric, emissions, totals.data]);

  return (
    <div className="page" data-testid="supervision-dashboard" data-region={data?.region.code ?? ''} data-as-of={data?.asOf ?? ''}>
      <Card
        size="small"
        title={t('supervision.dashboard.title')}
        extra={
          <Space wrap>
            {t('supervision.asOf')}
            <DatePicker
              size="small"
              allowClear={false}
              value={dayjs(asOf)}
              onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : null })}
              data-testid="supervision-as-of"
            />
            <Select<Metric>
              size="small"
              style={{ minWidth: 180 }}
              value={metric}
              onChange={(m) => set({ metric: m })}
              data-testid="supervision-metric"
              options={METRICS.map((m) => ({ value: m, label: t(`supervision.metric.${m}`) }))}
            />
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void q.refetch()}>{t('common.refresh')}</Button>
          </Space>
        }
      >
        {data && <RegionCrumbs code={data.region.code} name={data.region.name} base="/supervision" testId="supervision" />}
        <QueryErrorAlert error={q.error ?? (emissions ? totals.error : null)} onRetry={q.refetch} />
        {data && (
          <Row gutter={16} className="block-gap" data-testid="supervision-self">
            <Col span={6}><Statistic title={t('supervision.col.progress')} value={percent(data.self.progress)} /></Col>
            <Col span={6}><Statistic title={t('supervision.col.expected')} value={percent(data.self.expected)} /></Col>
            <Col span={6}><Statistic title={t('supervision.col.lagScore')} value={data.self.lagScore} /></Col>
            <Col span={6}><Statistic title={t('supervision.dashboard.laggards')} value={data.rows.filter((r) => r.laggard).length} suffix={`/ ${data.rows.length}`} /></Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            {data && <RegionMap code={data.region.code} metric={metric} items={items} onOpen={(code) => set({ region: code })} />}
          </Col>
          <Col xs={24} xl={12}>
            <RankingTable rows={data?.rows ?? []} loading={q.isFetching} linkTo={linkTo} />
          </Col>
        </Row>
      </Card>
      <Row gutter={16} className="block-gap">
        <Col xs={24} xl={10}>
          <Card size="small" title={t('supervision.dashboard.trend', { metric: t(`supervision.metric.${trendMetric}`) })}>
            <QueryErrorAlert error={trend.error} />
            <TrendChart trend={trend.data} metric={trendMetric} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('supervision.dashboard.laggards')}>
            <LaggardList rows={data?.rows ?? []} linkTo={linkTo} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('supervision.dashboard.openCases')}>
            <QueryErrorAlert error={cases.error} />
            <OpenCases cases={cases.data?.items ?? []} loading={cases.isPending && cases.fetchStatus !== 'idle'} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
