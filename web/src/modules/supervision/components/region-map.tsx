// The children of a region coloured by a metric: a map where the server has boundaries, else (counties
// and below) a ranked horizontal bar chart. Both draw with the same pieces, and the container says
// which colour each region got (data-region-colours), for tests and for the curious.
import { Spin } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useGeo } from '../hooks/use-supervision.ts';
import { echarts } from '../utils/echarts.ts';
import { colourOf, formatValue, NO_DATA, piecesOf, type Metric } from '../utils/metrics.ts';

interface Props {
  code: string;
  metric: Metric;
  items: Array<{ code: string; name: string; value: number | null }>;
  onOpen: (code: string) => void;
}

export function RegionMap({ code, metric, items, onOpen }: Props) {
  const { t } = useTranslation();
  const geo = useGeo(code);
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

  const pieces = useMemo(() => piecesOf(metric, items.map((i) => i.value ?? 0)), [metric, items]);
  const colours = useMemo(() => Object.fromEntries(items.map((i) => [i.code, colourOf(pieces, i.value)])), [items, pieces]);
  const mode = geo.isPending ? 'loading' : geo.data ? 'map' : 'bars';

  useEffect(() => {
    if (mode === 'loading') return;
    const c = echarts.init(el.current!);
    chart.current = c;
    c.on('click', (e) => {
      const target = (e.data as { code?: string } | undefined)?.code ?? (typeof e.name === 'string' ? e.name : undefined);
      if (target && /^\d+$/.test(target)) open.current(target);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, [mode]);

  useEffect(() => {
    const c = chart.current;
    if (!c || mode === 'loading') return;
    const names = new Map(items.map((i) => [i.code, i.name]));
    const visualMap = {
      type: 'piecewise' as const, pieces: pieces.map(({ label, ...p }) => ({ ...p, label })), left: 8, bottom: 8, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 },
      outOfRange: { color: NO_DATA },
    };
    if (mode === 'map') {
      echarts.registerMap(code, geo.data as Parameters<typeof echarts.registerMap>[1]);
      c.setOption({
        tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${names.get(p.name) ?? p.name}<br/>${t(`supervision.metric.${metric}`)}: ${formatValue(metric, Number.isFinite(p.value) ? p.value : null)}` },
        visualMap,
        series: [{
          type: 'map', map: code, nameProperty: 'code', roam: false, selectedMode: false,
          itemStyle: { areaColor: NO_DATA, borderColor: '#fff', borderWidth: 0.8 },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
          label: { show: items.length <= 20, fontSize: 10, formatter: (p: { name: string }) => names.get(p.name) ?? '' },
          data: items.map((i) => ({ name: i.code, code: i.code, value: i.value ?? NaN })),
        }],
      }, true);
    } else {
      const ranked = [...items].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
      c.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: ranked.map((r) => r.name) },
        series: [{
          type: 'bar', barMaxWidth: 18,
          data: ranked.map((r) => ({ value: r.value ?? 0, code: r.code, itemStyle: { color: colours[r.code] } })),
        }],
      }, true);
    }
  }, [mode, code, geo.data, items, pieces, colours, metric, t]);

  const height = mode === 'bars' ? Math.max(240, items.length * 24 + 24) : 480;
  return (
    <div
      data-testid="supervision-map"
      data-region={code}
      data-mode={mode}
      data-metric={metric}
      data-region-colours={JSON.stringify(colours)}
      style={{ position: 'relative' }}
    >
      {mode === 'loading' ? <Spin /> : <div ref={el} style={{ width: '100%', height }} aria-label={t('supervision.dashboard.map')} />}
    </div>
  );
}
