// 抽样复核: the level above (or the county itself) draws a random sample of a county — added and
// deleted inventory records, or a share of the sources with forms per category — gives it to a
// team, and records what the re-check found; rates per county and category follow from that.
import type { Db } from '../../../core/db/index.ts';
import type { Phase } from '../../../core/db/schema.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { ratesOf, type ItemResult } from './rates.ts';
import * as q from './qc.sql.ts';

export const getSettings = (db: Db) => q.settings(db);

export async function putSettings(db: Db, actor: Actor, s: q.QcSettings) {
  const before = await q.settings(db);
  await db.transaction().execute(async (trx) => {
    await q.saveSettings(trx, s, actor.id);
    await recordAudit(trx, actor, { action: 'qc.settings', entity: 'qc-settings', entityId: 1, regionCode: null, before, after: s });
  });
  return q.settings(db);
}

export interface DrawBody { phase: Phase; regionCode: string; teamId?: number; added?: number; deleted?: number; share?: number }

export async function drawSample(db: Db, actor: Actor, b: DrawBody) {
  const county = await db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', b.regionCode).executeTakeFirst();
  if (!county || !county.code.startsWith(actor.scopePrefix)) throw new AppError('REGION_NOT_FOUND', { code: b.regionCode.slice(0, 20) });
  if (county.level !== 'county') throw new AppError('QC_NOT_COUNTY', { region: county.name });
  if (b.teamId !== undefined) {
    const team = await db.selectFrom('teams').select(['id', 'region_code']).where('id', '=', b.teamId).executeTakeFirst();
    if (!team || !team.region_code.startsWith(actor.scopePrefix)) throw new AppError('TEAM_NOT_FOUND', { id: b.teamId });
  }
  const s = await q.settings(db);
  let items: { source_id: number; category: string; stratum: string }[];
  let params: Record<string, number>;
  if (b.phase === 'inventory') {
    params = { added: b.added ?? s.inventoryAdded, deleted: b.deleted ?? s.inventoryDeleted };
    items = [
      ...(await q.drawInventory(db, county.code, 'added', params.added)).map((r) => ({ ...r, stratum: 'added' })),
      ...(await q.drawInventory(db, county.code, 'deleted', params.deleted)).map((r) => ({ ...r, stratum: 'deleted' })),
    ];
  } else {
    params = { share: b.share ?? s.surveyShare };
    items = [];
    for (const f of await q.surveyFrame(db, county.code)) {
      const n = Math.max(1, Math.ceil(f.n * params.share));
      items.push(...(await q.drawSurvey(db, county.code, f.category, n)).map((r) => ({ ...r, stratum: r.category })));
    }
  }
  if (!items.length) throw new AppError('QC_SAMPLE_EMPTY', { region: county.name, detail: b.phase === 'inventory' ? '增补/删除 added/deleted' : '已提交报表 submitted forms' });
  const id = await db.transaction().execute(async (trx) => {
    const sid = await q.insertSample(trx, { phase: b.phase, regionCode: county.code, teamId: b.teamId ?? null, params, userId: actor.id }, items);
    await recordAudit(trx, actor, { action: 'qc.sample', entity: 'qc-sample', entityId: sid, regionCode: county.code, after: { phase: b.phase, params, items: items.map((i) => i.source_id) } });
    return sid;
  });
  return getSample(db, actor, id);
}

async function sampleInScope(db: Db, actor: Actor, id: number) {
  const s = await q.getSample(db, id);
  if (!s) throw new AppError('QC_SAMPLE_NOT_FOUND');
  if (s.region_code.startsWith(actor.scopePrefix)) return s;
  // The team given the re-check reaches it too.
  const member = s.team_id !== null && actor.id !== null && (await db.selectFrom('team_members').select('user_id').where('team_id', '=', s.team_id).where('user_id', '=', actor.id).executeTakeFirst());
  if (!member) throw new AppError('QC_SAMPLE_NOT_FOUND');
  return s;
}

const itemView = (i: Awaited<ReturnType<typeof q.itemsOf>>[number]) => ({
  sourceId: i.source_id, sourceName: i.source_name, stratum: i.stratum, category: i.category, state: i.state,
  result: i.verdict === null ? null : { verdict: i.verdict, fieldsChecked: i.fields_checked, fieldsWrong: i.fields_wrong, missed: i.missed, note: i.note, by: i.checked_by, at: i.checked_at },
});

export async function getSample(db: Db, actor: Actor, id: number) {
  const s = await sampleInScope(db, actor, id);
  const items = await q.itemsOf(db, [s.id]);
  const region = await db.selectFrom('regions').select('name').where('code', '=', s.region_code).executeTakeFirst();
  return { id: s.id, phase: s.phase, regionCode: s.region_code, regionName: region?.name ?? null, teamId: s.team_id, params: s.params, drawnAt: s.drawn_at, items: items.map(itemView) };
}

export async function listSamples(db: Db, actor: Actor, f: { region?: string; phase?: Phase }) {
  const prefix = f.region && f.region.startsWith(actor.scopePrefix) ? f.region : actor.scopePrefix;
  const rows = await q.listSamples(db, prefix, f.phase);
  const items = await q.itemsOf(db, rows.map((r) => r.id));
  return {
    items: rows.map((r) => {
      const mine = items.filter((i) => i.sample_id === r.id);
      return { id: r.id, phase: r.phase, regionCode: r.region_code, regionName: r.region_name, teamId: r.team_id, params: r.params, drawnAt: r.drawn_at, drawnBy: r.drawn_by, size: mine.length, checked: mine.filter((i) => i.verdict !== null).length };
    }),
  };
}

export interface ItemBody { verdict: 'right' | 'wrong'; fieldsChecked?: number; fieldsWrong?: number; missed?: number; note?: string }

export async function recordFinding(db: Db, actor: Actor, id: number, sourceId: number, b: ItemBody) {
  const s = await sampleInScope(db, actor, id);
  const f = { verdict: b.verdict, fieldsChecked: b.fieldsChecked ?? 0, fieldsWrong: b.fieldsWrong ?? 0, missed: b.missed ?? 0, note: (b.note ?? '').trim() };
  if (f.fieldsWrong > f.fieldsChecked) throw new AppError('REQUEST_INVALID', { detail: 'fieldsWrong > fieldsChecked / 差错字段数不能大于复核字段数' });
  await db.transaction().execute(async (trx) => {
    if (!(await q.recordItem(trx, s.id, sourceId, f, actor.id))) throw new AppError('QC_ITEM_NOT_FOUND', { id: sourceId });
    await recordAudit(trx, actor, { action: 'qc.recheck', entity: 'qc-sample', entityId: s.id, regionCode: s.region_code, after: { sourceId, ...f } });
  });
  const items = await q.itemsOf(db, [s.id]);
  return itemView(items.find((i) => i.source_id === sourceId)!);
}

const toResult = (r: { stratum: string; verdict: 'right' | 'wrong' | null; fields_checked: number; fields_wrong: number; missed: number }): ItemResult =>
  ({ stratum: r.stratum, verdict: r.verdict, fieldsChecked: r.fields_checked, fieldsWrong: r.fields_wrong, missed: r.missed });

/** The rates of one county for a phase (null when nothing was re-checked). */
export async function countyRates(db: Db, county: string, phase: Phase) {
  const rows = await q.resultsIn(db, county, phase);
  return rows.length ? ratesOf(phase, rows.filter((r) => r.county === county).map(toResult)) : null;
}

/** Per county and source category, and per county as a whole (category '*'), with the thresholds applied to the whole. */
export async function rates(db: Db, actor: Actor, f: { region?: string; phase: Phase }) {
  const prefix = f.region && f.region.startsWith(actor.scopePrefix) ? f.region : actor.scopePrefix;
  const s = await q.settings(db);
  const rows = await q.resultsIn(db, prefix, f.phase);
  const groups = new Map<string, { county: string; name: string | null; category: string; items: ItemResult[] }>();
  for (const r of rows) {
    for (const category of [r.category, '*']) {
      const key = `${r.county}|${category}`;
      const g = groups.get(key) ?? { county: r.county, name: r.county_name, category, items: [] };
      g.items.push(toResult(r));
      groups.set(key, g);
    }
  }
  return {
    thresholds: { errorRateMax: s.errorRateMax, omissionRateMax: s.omissionRateMax },
    items: [...groups.values()].sort((a, b) => a.county.localeCompare(b.county) || a.category.localeCompare(b.category)).map((g) => {
      const r = ratesOf(f.phase, g.items);
      const over = (r.errorRate ?? 0) > s.errorRateMax || (r.omissionRate ?? 0) > s.omissionRateMax;
      return { regionCode: g.county, regionName: g.name, category: g.category, ...r, overThreshold: over };
    }),
  };
}
