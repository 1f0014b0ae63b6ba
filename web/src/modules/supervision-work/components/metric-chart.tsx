// A briefing's chart block: the children's values of one metric as bars. ECharts piece by piece,
// as the emissions page does.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAIN_METRICS } from '../utils/supervision-api.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  metric: string;
  bars: Array<{ name: string; value: number | null }>;
}

const value = (metric: string, v: number | null | undefined) => (v === null || v === undefined ? null : PLAIN_METRICS.has(metric) ? v : Math.round(v * 1000) / 10);

export function MetricChart({ metric, bars }: Props) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    const name = t(`supervisionWork.metrics.${metric as 'progress'}`, { defaultValue: metric });
    const unit = PLAIN_METRICS.has(metric) ? '' : '%';
    const labels = bars.map((b) => b.name);
    const data = bars.map((b) => value(metric, b.value));
    chart.current?.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: unit },
      series: [{ name, type: 'bar', barMaxWidth: 36, data }],
    }, true);
  }, [metric, bars, t]);

  return <div ref={el} style={{ width: '100%', height: 280 }} data-testid="briefing-chart" data-metric={metric} />;
}
