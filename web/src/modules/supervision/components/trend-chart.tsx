import { Empty } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trend } from '../utils/supervision-api.ts';
import { echarts } from '../utils/echarts.ts';
import { formatValue, isShare, type Metric } from '../utils/metrics.ts';

/** A metric of the region every 14 days (the dispatch rhythm). */
export function TrendChart({ trend, metric }: { trend: Trend | undefined; metric: Metric }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const has = !!trend && trend.points.length > 0;

  useEffect(() => {
    if (!has) return;
    const c = echarts.init(el.current!);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, [has]);

  useEffect(() => {
    if (!trend || !chart.current) return;
    const share = isShare(metric);
    chart.current.setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatValue(metric, v) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: trend.points.map((p) => p.on.slice(5)) },
      yAxis: share ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : { type: 'value' },
      series: [{ type: 'line', name: t(`supervision.metric.${metric}`), data: trend.points.map((p) => p.value), connectNulls: false, symbolSize: 5 }],
    }, true);
  }, [trend, metric, t, has]);

  return has ? <div ref={el} style={{ width: '100%', height: 220 }} data-testid="supervision-trend" data-metric={metric} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}
