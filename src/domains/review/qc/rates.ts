// 差错率 and 遗漏率, pure. The second census's numeric limits are not public (census-facts §5):
// the thresholds are the national office's settings. Definitions, ours and documented:
// - error rate: inventory — items whose state was wrong / items checked; survey — fields wrong /
//   fields checked in the re-checked forms;
// - omission rate: (deleted sources found still existing + sources found missing near the
//   sampled ones) / (items checked + sources found missing).
import type { Phase } from '../../../core/db/schema.ts';

export interface ItemResult { stratum: string; verdict: 'right' | 'wrong' | null; fieldsChecked: number; fieldsWrong: number; missed: number }

export interface Rates { checked: number; wrong: number; fieldsChecked: number; fieldsWrong: number; missed: number; errorRate: number | null; omissionRate: number | null }

export function ratesOf(phase: Phase, items: readonly ItemResult[]): Rates {
  const done = items.filter((i) => i.verdict !== null);
  const checked = done.length;
  const wrong = done.filter((i) => i.verdict === 'wrong').length;
  const fieldsChecked = done.reduce((n, i) => n + i.fieldsChecked, 0);
  const fieldsWrong = done.reduce((n, i) => n + i.fieldsWrong, 0);
  const missed = done.reduce((n, i) => n + i.missed, 0);
  const dropped = done.filter((i) => i.stratum === 'deleted' && i.verdict === 'wrong').length;
  const errorRate = phase === 'inventory' ? (checked ? wrong / checked : null) : (fieldsChecked ? fieldsWrong / fieldsChecked : checked ? wrong / checked : null);
  const omissionRate = checked + missed ? (dropped + missed) / (checked + missed) : null;
  return { checked, wrong, fieldsChecked, fieldsWrong, missed, errorRate, omissionRate };
}
