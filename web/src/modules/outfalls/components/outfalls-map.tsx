// The outfalls as points coloured by state over the province's boundaries (or, where the server has
// none in reach, a plain rectangle of the points' extent), with the reaches' lines. Everything is
// drawn in GCJ-02, the datum of Chinese base maps; reach paths arrive WGS-84 and are shifted here.
import { Empty, Spin } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTFALL_STATES } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import { wgs84ToGcj02 } from '../../../../../src/domains/outfalls/rules/geo.ts';
import { useGeo } from '../../supervision/hooks/use-supervision.ts';
import { echarts } from '../utils/echarts.ts';
import { aspectScale, boundingCoords, extentMap, extentOf } from '../utils/map-extent.ts';
import { STATE_COLOURS, type OutfallItem, type Reach } from '../utils/outfalls-api.ts';

interface Props {
  items: OutfallItem[];
  reaches: Reach[];
  onOpen: (id: number) => void;
}

/** The province all points share ('100000' when they span several). */
function provinceOf(items: OutfallItem[]): string {
  const p = new Set(items.map((i) => i.regionCode.slice(0, 2)));
  return p.size === 1 ? `${[...p][0]}0000` : '100000';
}

export function OutfallsMap({ items, reaches, onOpen }: Props) {
  const { t } = useTranslation();
  const province = items.length ? provinceOf(items) : '';
  const geo = useGeo(province);
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

  const lines = useMemo(
    () => reaches.filter((r) => r.path && r.path.length > 1).map((r) => ({
      name: r.name,
      coords: r.path!.map(([lng, lat]) => { const g = wgs84ToGcj02(lat, lng); return [g.lng, g.lat]; }),
    })),
    [reaches],
  );
  const extent = useMemo(() => extentOf([...items.map((i) => [i.gcj02.lng, i.gcj02.lat] as [number, number]), ...lines.flatMap((l) => l.coords as Array<[number, number]>)]), [items, lines]);
  const mode = !extent ? 'empty' : province && geo.isPending ? 'loading' : geo.data ? 'province' : 'extent';

  useEffect(() => {
    if (mode === 'loading' || mode === 'empty') return;
    const c = echarts.init(el.current!);
    chart.current = c;
    c.on('click', (e) => {
      const id = (e.data as { id?: number } | undefined)?.id;
      if (e.seriesType === 'scatter' && id) open.current(id);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, [mode]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !extent || (mode !== 'province' && mode !== 'extent')) return;
    const mapName = mode === 'province' ? `outfalls-${province}` : 'outfalls-extent';
    echarts.registerMap(mapName, (mode === 'province' ? geo.data : extentMap(extent)) as Parameters<typeof echarts.registerMap>[1]);
    c.setOption({
      tooltip: { trigger: 'item' },
      legend: { bottom: 4, left: 8, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
      geo: {
        map: mapName, roam: true, boundingCoords: boundingCoords(extent), aspectScale: aspectScale(extent), silent: true,
        layoutCenter: ['50%', '46%'], layoutSize: '92%',
        itemStyle: { areaColor: '#f5f5f5', borderColor: '#bfbfbf' },
      },
      series: [
        {
          type: 'lines', name: t('outfalls.map.reaches'), coordinateSystem: 'geo', polyline: true, silent: true,
          lineStyle: { color: '#69b1ff', width: 3, opacity: 0.7 }, data: lines,
        },
        ...OUTFALL_STATES.map((s) => ({
          type: 'scatter' as const, name: t(`outfalls.states.${s}`), coordinateSystem: 'geo', symbolSize: 9,
          itemStyle: { color: STATE_COLOURS[s], borderColor: '#fff', borderWidth: 1 },
          tooltip: { formatter: (p: { data: { code: string; waterBody: string } }) => `${p.data.code}<br/>${p.data.waterBody}` },
          data: items.filter((i) => i.state === s).map((i) => ({ value: [i.gcj02.lng, i.gcj02.lat], id: i.id, code: i.code, waterBody: i.waterBody ?? '' })),
        })),
      ],
    }, true);
  }, [mode, province, geo.data, extent, items, lines, t]);

  const counts = Object.fromEntries(OUTFALL_STATES.map((s) => [s, items.filter((i) => i.state === s).length]));
  return (
    <div data-testid="outfalls-map" data-mode={mode} data-points={items.length} data-counts={JSON.stringify(counts)} style={{ position: 'relative' }}>
      {mode === 'loading' && <Spin />}
      {mode === 'empty' && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outfalls.map.empty')} />}
      {(mode === 'province' || mode === 'extent') && <div ref={el} style={{ width: '100%', height: 560 }} aria-label={t('outfalls.map.title')} />}
    </div>
  );
}
