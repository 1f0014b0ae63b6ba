// The list reconciled with the inventory, progress per child region, and the QA checks the
// national team ran (list completeness, point metadata, original records).
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { inScope, type Actor } from '../access/index.ts';
import { enterpriseView } from './enterprises.ts';
import * as q from './radioactive.sql.ts';
import type { MeasurementPoint } from './rules/screening.ts';
import { inScopeOf } from '../../core/db/distribution.ts';

async function regionOf(db: Db, actor: Actor, code?: string) {
  const c = code ?? actor.regionCode;
  if (!inScope(actor.scopePrefix, c)) throw new AppError('REGION_NOT_FOUND', { code: c });
  const r = await db.selectFrom('regions').select(['code', 'name', 'scope_prefix']).where('code', '=', c).executeTakeFirst();
  if (!r) throw new AppError('REGION_NOT_FOUND', { code: c });
  return { ...r, prefix: r.scope_prefix.length >= actor.scopePrefix.length ? r.scope_prefix : actor.scopePrefix };
}

export async function reconcile(db: Db, actor: Actor, regionCode?: string) {
  const r = await regionOf(db, actor, regionCode);
  const [missing, notIn] = await Promise.all([q.flaggedNotListed(db, r.prefix), q.listedNotInInventory(db, r.prefix)]);
  return {
    region: { code: r.code, name: r.name },
    missingFromList: missing.map((s) => ({ sourceId: s.id, name: s.name, creditCode: s.credit_code, regionCode: s.region_code, industryCode: s.industry_code })),
    notInInventory: notIn.map((e) => enterpriseView(e, { inInventory: false })),
  };
}

export async function radioProgress(db: Db, actor: Actor, regionCode?: string) {
  const r = await regionOf(db, actor, regionCode);
  const rows = (await sql<{ region_code: string; listed: number; measured: number; above: number; done: number }>`
    SELECT region_code, count(*)::int AS listed, count(screening_above)::int AS measured,
           count(*) FILTER (WHERE screening_above)::int AS above, count(detailed_done_at)::int AS done
    FROM radio_enterprises WHERE ${inScopeOf('radio_enterprises', r.prefix)} GROUP BY region_code`.execute(db)).rows;
  const children = await db.selectFrom('regions').select(['code', 'name', 'scope_prefix']).where('parent_code', '=', r.code).orderBy('code').execute();
  const sum = (xs: typeof rows) => {
    const t = xs.reduce((a, x) => ({ listed: a.listed + x.listed, measured: a.measured + x.measured, above: a.above + x.above, detailedDone: a.detailedDone + x.done }), { listed: 0, measured: 0, above: 0, detailedDone: 0 });
    return { ...t, measuredPct: t.listed ? Math.round((t.measured / t.listed) * 1000) / 10 : 0 };
  };
  return {
    region: { code: r.code, name: r.name },
    totals: sum(rows),
    children: children.map((c) => ({ code: c.code, name: c.name, ...sum(rows.filter((x) => x.region_code.startsWith(c.scope_prefix))) })).filter((c) => c.listed > 0 || children.length <= 40),
  };
}

export type QaCheck = 'missing-from-list' | 'not-in-inventory' | 'not-measured' | 'no-waste-point' | 'point-without-position' | 'no-original-record';

export async function qaIssues(db: Db, actor: Actor, regionCode?: string) {
  const r = await regionOf(db, actor, regionCode);
  const issues: Array<{ enterpriseId?: number; sourceId?: number; name: string; check: QaCheck; detail: string }> = [];
  const rec = await reconcile(db, actor, r.code);
  for (const s of rec.missingFromList) issues.push({ sourceId: s.sourceId, name: s.name, check: 'missing-from-list', detail: '清查标记为伴生放射性矿企业，但不在初测名录中 / flagged in the inventory, not on the list' });
  for (const e of rec.notInInventory) issues.push({ enterpriseId: e.id, name: e.name, check: 'not-in-inventory', detail: '初测名录企业不在清查结果中 / on the list, not in the inventory' });
  const ents = await db.selectFrom('radio_enterprises').select(['id', 'name', 'screening_above']).where(inScopeOf('radio_enterprises', r.prefix)).orderBy('id').limit(5000).execute();
  for (const e of ents.filter((x) => x.screening_above === null)) issues.push({ enterpriseId: e.id, name: e.name, check: 'not-measured', detail: '尚未初测 / not measured yet' });
  // The latest measurement of each enterprise, with its number of original records.
  const latest = (await sql<{ enterprise_id: number; name: string; points: MeasurementPoint[]; files: number }>`
    SELECT DISTINCT ON (m.enterprise_id) m.enterprise_id, e.name, m.points, (SELECT count(*)::int FROM radio_files f WHERE f.measurement_id = m.id) AS files
    FROM radio_measurements m JOIN radio_enterprises e ON e.id = m.enterprise_id
    WHERE ${inScopeOf('m', r.prefix)} ORDER BY m.enterprise_id, m.measured_on DESC, m.id DESC LIMIT 5000`.execute(db)).rows;
  for (const m of latest) {
    const pts = typeof m.points === 'string' ? (JSON.parse(m.points) as MeasurementPoint[]) : m.points;
    if (!pts.some((p) => p.kind === 'waste')) issues.push({ enterpriseId: m.enterprise_id, name: m.name, check: 'no-waste-point', detail: '未测废物（尾矿、废渣）上方剂量率 / no point above the waste' });
    const bare = pts.filter((p) => p.lat === undefined || p.lat === null).map((p) => p.label);
    if (bare.length) issues.push({ enterpriseId: m.enterprise_id, name: m.name, check: 'point-without-position', detail: `点位无坐标 / points without a position: ${bare.join(', ')}` });
    if (!m.files) issues.push({ enterpriseId: m.enterprise_id, name: m.name, check: 'no-original-record', detail: '未上传原始记录 / no original record uploaded' });
  }
  return { region: { code: r.code, name: r.name }, issues };
}
