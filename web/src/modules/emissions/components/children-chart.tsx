// The child regions' emissions of one pollutant as stacked bars (approved, in review). ECharts is
// imported piece by piece through echarts/core, so the bundle carries only the bar chart.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotalItem } from '../utils/emissions-api.ts';
import { pollutantUnit, shown } from '../utils/pollutant-units.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  items: Array<TotalItem & { name: string | null }>;
  pollutant: string;
  onOpen: (code: string) => void;
}

export function ChildrenChart({ items, pollutant, onOpen }: Props) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    c.on('click', (e) => { if (typeof e.name === 'string') { const code = (e.data as { code?: string } | undefined)?.code; if (code) open.current(code); } });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    const rows = items.filter((i) => i.pollutant === pollutant).sort((a, b) => (b.approved.emitted + b.review.emitted) - (a.approved.emitted + a.review.emitted));
    const unit = pollutantUnit(pollutant);
    const bar = (name: string, pick: (i: TotalItem) => number) => ({
      name, type: 'bar' as const, stack: 'emitted', barMaxWidth: 36,
      data: rows.map((r) => ({ value: shown(pick(r), pollutant), code: r.key })),
    });
    chart.current?.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name ?? r.key), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: unit },
      series: [bar(t('emissions.approved'), (i) => i.approved.emitted), bar(t('emissions.review'), (i) => i.review.emitted)],
    }, true);
  }, [items, pollutant, t]);

  return <div ref={el} style={{ width: '100%', height: 320 }} data-testid="emissions-chart" data-pollutant={pollutant} />;
}
