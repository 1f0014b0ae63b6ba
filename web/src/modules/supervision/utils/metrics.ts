// The metrics the dashboard colours regions by, and the piecewise scale of each. The map's
// visualMap gets the same pieces, so the colour of a region is known here exactly (the page
// publishes it in data-region-colours).
import type { ProgressRow } from './supervision-api.ts';

export const METRICS = ['progress', 'lagScore', 'inventory.confirmed', 'survey.submitted', 'survey.approved', 'directory.signedOff', 'readiness.gaps', 'emissions.SO2'] as const;
export type Metric = (typeof METRICS)[number];
/** Metrics with a trend on the server (emissions have none). */
export const hasTrend = (m: Metric) => m !== 'emissions.SO2';
const SHARES = new Set<Metric>(['progress', 'inventory.confirmed', 'survey.submitted', 'survey.approved', 'directory.signedOff']);
export const isShare = (m: Metric) => SHARES.has(m);

export interface Piece { gte?: number; gt?: number; lt?: number; lte?: number; color: string; label: string }
export const NO_DATA = '#d9d9d9';

// Red is bad, green good, whichever way the metric runs.
// A share of exactly nothing has its own darker red: a region that has not begun is told apart from
// one that has begun, so the first sign-off or visit shows on the map.
const NONE = '#820014';
const RED = '#cf1322', ORANGE = '#fa8c16', YELLOW = '#fadb14', LIME = '#a0d911', GREEN = '#389e0d';

const shareRanges: Array<[number, number, string]> = [[0, 0.2, RED], [0.2, 0.4, ORANGE], [0.4, 0.6, YELLOW], [0.6, 0.8, LIME], [0.8, 1, GREEN]];
const pct = (v: number) => `${Math.round(v * 100)}%`;

export function piecesOf(metric: Metric, values: number[]): Piece[] {
  if (isShare(metric)) {
    return [{ gte: 0, lte: 0, color: NONE, label: '0' }, ...shareRanges.map(([a, b, color], i): Piece => (i === shareRanges.length - 1
      ? { gte: a, lte: b, color, label: `${pct(a)}–${pct(b)}` }
      : i === 0 ? { gt: a, lt: b, color, label: `>${pct(a)}–${pct(b)}` } : { gte: a, lt: b, color, label: `${pct(a)}–${pct(b)}` }))];
  }
  if (metric === 'lagScore') {
    return [
      { gte: 0, lt: 15, color: GREEN, label: '0–15' },
      { gte: 15, lt: 30, color: YELLOW, label: '15–30' },
      { gte: 30, lt: 50, color: ORANGE, label: '30–50' },
      { gte: 50, lte: 100, color: RED, label: '50–100' },
    ];
  }
  if (metric === 'readiness.gaps') {
    return [
      { gte: 0, lt: 1, color: GREEN, label: '0' },
      { gte: 1, lt: 3, color: YELLOW, label: '1–2' },
      { gte: 3, lt: 6, color: ORANGE, label: '3–5' },
      { gte: 6, lte: 1000, color: RED, label: '≥6' },
    ];
  }
  // Emissions: five equal bins up to the largest child, light to dark (more is not "bad" here).
  const max = Math.max(0, ...values);
  const top = max > 0 ? max : 1;
  const blues = ['#e6f4ff', '#91caff', '#4096ff', '#0958d9', '#002c8c'];
  const step = top / 5;
  return blues.map((color, i) => {
    const a = Number((step * i).toPrecision(6));
    const b = i === 4 ? top : Number((step * (i + 1)).toPrecision(6));
    return i === 4 ? { gte: a, lte: b, color, label: `${a}–${b}` } : { gte: a, lt: b, color, label: `${a}–${b}` };
  });
}

/** The colour a value takes in the pieces, the same rule ECharts applies (gte/lt/lte). */
export function colourOf(pieces: Piece[], v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return NO_DATA;
  const p = pieces.find((x) => (x.gt !== undefined ? v > x.gt : v >= (x.gte ?? -Infinity)) && (x.lt !== undefined ? v < x.lt : v <= (x.lte ?? Infinity)));
  return p?.color ?? NO_DATA;
}

/** A row's value of a metric (emissions come from elsewhere). */
export function valueOf(row: ProgressRow, metric: Metric): number | null {
  if (metric === 'progress') return row.progress;
  if (metric === 'lagScore') return row.lagScore;
  if (metric === 'readiness.gaps') return row.metrics['readiness.gaps'] ?? row.gaps.length;
  return row.metrics[metric] ?? null;
}

export function formatValue(metric: Metric, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (isShare(metric)) return `${(v * 100).toFixed(1)}%`;
  if (metric === 'emissions.SO2') return `${Number(v.toFixed(4)).toLocaleString()} t`;
  return String(Number(v.toFixed(1)));
}
