// 阶段验收 rules, pure: what holds a region back from accepting a phase. A level accepts only
// when every child with sources has accepted (as DHIS2's data approval), nothing waits at or
// below it, and — for a county — a re-check has been done and its rates are within the national
// thresholds. The survey is accepted only after the inventory, pilot counties excepted.
import type { Phase } from '../../../core/db/schema.ts';

export interface Blocker { code: string; params: Record<string, string | number>; zh: string; en: string }

export interface PhaseFacts {
  phase: Phase;
  level: string; // the region's level: county, prefecture, province, nation
  children: { code: string; name: string; accepted: boolean; hasWork: boolean }[];
  waiting: number;
  unsurveyed: number;
  pilot: boolean;
  inventoryAccepted: boolean;
  qc: null | { checked: number; errorRate: number | null; omissionRate: number | null };
  thresholds: { errorRateMax: number; omissionRateMax: number };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function phaseBlockers(f: PhaseFacts): Blocker[] {
  const out: Blocker[] = [];
  const held = f.children.filter((c) => c.hasWork && !c.accepted);
  if (held.length) {
    const names = held.slice(0, 10).map((c) => c.name).join('、') + (held.length > 10 ? ` …(${held.length})` : '');
    out.push({ code: 'children', params: { count: held.length, names }, zh: `${held.length} 个下级区划尚未验收：${names}`, en: `${held.length} regions below have not passed: ${names}` });
  }
  if (f.waiting > 0) out.push({ code: 'waiting', params: { count: f.waiting }, zh: `${f.waiting} 条记录仍在本级或下级待处理`, en: `${f.waiting} records still wait at this level or below` });
  if (f.phase === 'survey' && f.unsurveyed > 0) out.push({ code: 'unsurveyed', params: { count: f.unsurveyed }, zh: `${f.unsurveyed} 个应调查对象尚无填报`, en: `${f.unsurveyed} sources to survey have sent nothing` });
  if (f.phase === 'survey' && !f.inventoryAccepted && !f.pilot) out.push({ code: 'inventory-first', params: {}, zh: '清查阶段尚未验收', en: 'The inventory phase has not been accepted' });
  if (f.level === 'county') {
    if (!f.qc || f.qc.checked === 0) out.push({ code: 'no-recheck', params: {}, zh: '尚无完成复核的抽样', en: 'No sample has been re-checked' });
    else {
      if (f.qc.errorRate !== null && f.qc.errorRate > f.thresholds.errorRateMax) {
        out.push({ code: 'error-rate', params: { rate: pct(f.qc.errorRate), max: pct(f.thresholds.errorRateMax) }, zh: `差错率 ${pct(f.qc.errorRate)} 超过上限 ${pct(f.thresholds.errorRateMax)}`, en: `Error rate ${pct(f.qc.errorRate)} is over the limit of ${pct(f.thresholds.errorRateMax)}` });
      }
      if (f.qc.omissionRate !== null && f.qc.omissionRate > f.thresholds.omissionRateMax) {
        out.push({ code: 'omission-rate', params: { rate: pct(f.qc.omissionRate), max: pct(f.thresholds.omissionRateMax) }, zh: `遗漏率 ${pct(f.qc.omissionRate)} 超过上限 ${pct(f.thresholds.omissionRateMax)}`, en: `Omission rate ${pct(f.qc.omissionRate)} is over the limit of ${pct(f.thresholds.omissionRateMax)}` });
      }
    }
  }
  return out;
}
