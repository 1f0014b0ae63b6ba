// 初测名录 the initial list of enterprises in the associated-radioactive-mineral industries:
// listed from the directory (or by name when the directory lacks them), measured, screened, and
// for those above the screening level, the detailed survey recorded.
import type { Db } from '../../core/db/index.ts';
import { isUniqueViolation } from '../../core/db/pg-errors.ts';
import { AppError } from '../../core/errors.ts';
import { inScope, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as q from './radioactive.sql.ts';
import { stageOf, type MeasurementPoint, type Screening } from './rules/screening.ts';

const invalid = (field: string, detail: string) => new AppError('RADIO_FIELD_INVALID', { field, detail });

export function enterpriseView(r: q.EnterpriseRow, extra: { regionName?: string; inInventory?: boolean } = {}) {
  return {
    id: r.id, regionCode: r.region_code, regionName: extra.regionName ?? null, sourceId: r.source_id, name: r.name, creditCode: r.credit_code, minerals: r.minerals,
    stage: stageOf(r.screening_above, !!r.detailed_done_at), screeningAbove: r.screening_above, lastMeasuredOn: r.last_measured_on,
    detailedDoneAt: r.detailed_done_at, detailedNote: r.detailed_note, inInventory: extra.inInventory ?? null, version: r.version, createdAt: r.created_at,
  };
}

async function regionNames(db: Db, codes: string[]) {
  if (!codes.length) return new Map<string, string>();
  const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function checkMinerals(db: Db, codes: string[]) {
  const known = new Set((await q.minerals(db)).filter((m) => m.active).map((m) => m.code));
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw new AppError('RADIO_MINERAL_UNKNOWN', { code: unknown });
}

export type ListBody = { sourceId: number; minerals?: string[] } | { regionCode: string; name: string; creditCode?: string; minerals: string[] };

export async function listEnterprise(db: Db, actor: Actor, b: ListBody) {
  let row: { region_code: string; name: string; credit_code: string | null; source_id: number | null };
  if ('sourceId' in b) {
    const s = await q.sourceOf(db, b.sourceId, actor.scopePrefix);
    if (!s) throw invalid('sourceId', 'a directory source of your scope');
    row = { region_code: s.region_code, name: s.name, credit_code: s.credit_code, source_id: s.id };
  } else {
    if (!inScope(actor.scopePrefix, b.regionCode)) throw new AppError('USER_SCOPE_OUTSIDE', { code: b.regionCode });
    const region = await db.selectFrom('regions').select(['code', 'level']).where('code', '=', b.regionCode).executeTakeFirst();
    if (!region) throw new AppError('REGION_NOT_FOUND', { code: b.regionCode });
    const name = b.name.trim();
    if (!name) throw invalid('name', 'the enterprise name');
    const credit = b.creditCode?.trim().toUpperCase() || null;
    // A listed enterprise that the directory holds is linked to it, so reconciliation sees it.
    const s = credit ? await q.sourceByCredit(db, credit, actor.scopePrefix) : undefined;
    row = { region_code: s?.region_code ?? b.regionCode, name, credit_code: credit, source_id: s?.id ?? null };
  }
  const minerals = [...new Set(b.minerals ?? [])];
  await checkMinerals(db, minerals);
  try {
    const r = await db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('radio_enterprises').values({ ...row, province_code: q.provinceOf(row.region_code), minerals, created_by: actor.id }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, actor, { action: 'radioactive.list', entity: 'radio-enterprise', entityId: r.id, regionCode: r.region_code, after: { name: r.name, sourceId: r.source_id, minerals } });
      return r;
    });
    return enterpriseView(r);
  } catch (e) {
    if (isUniqueViolation(e, 'radio_enterprises_source')) throw new AppError('RADIO_ALREADY_LISTED', { name: row.name });
    throw e;
  }
}

export async function unlistEnterprise(db: Db, actor: Actor, id: number, version: number | undefined) {
  const before = await q.getEnterprise(db, id, actor.scopePrefix);
  if (!before) throw new AppError('RADIO_NOT_FOUND');
  if (version === undefined) throw invalid('version', 'the version read (?version=)');
  if (before.screening_above !== null) throw new AppError('RADIO_STAGE', { stage: stageOf(before.screening_above, !!before.detailed_done_at), action: 'taken off the list' });
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('radio_enterprises').where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
    if (!gone) throw new AppError('VERSION_CONFLICT', {}, { current: before.version });
    await recordAudit(trx, actor, { action: 'radioactive.unlist', entity: 'radio-enterprise', entityId: id, regionCode: before.region_code, before: enterpriseView(before) });
  });
  return { deleted: true };
}

export async function listEnterprises(db: Db, actor: Actor, f: { region?: string; stage?: string; mineral?: string; q?: string; limit?: number; cursor?: string }) {
  const limit = Math.min(f.limit ?? 100, 500);
  const rows = await q.listEnterprises(db, { prefix: actor.scopePrefix, region: f.region?.replace(/(00)+$/, ''), stage: f.stage, mineral: f.mineral, q: f.q, limit: limit + 1, after: f.cursor ? Number(f.cursor) : undefined });
  const page = rows.slice(0, limit);
  const [names, inv] = await Promise.all([regionNames(db, page.map((r) => r.region_code)), q.inInventory(db, page.flatMap((r) => (r.source_id ? [r.source_id] : [])))]);
  return {
    items: page.map((r) => enterpriseView(r, { regionName: names.get(r.region_code), inInventory: r.source_id !== null && inv.has(r.source_id) })),
    nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
  };
}

type MeasurementRow = Awaited<ReturnType<typeof q.measurementsOf>>[number];

export function measurementView(m: MeasurementRow, files: Array<{ id: number; file_name: string; mime: string; bytes: number; uploaded_at: Date }> = []) {
  return {
    id: m.id, enterpriseId: m.enterprise_id, body: m.body, agencyId: m.agency_id, measuredOn: m.measured_on, backgroundNGyH: m.background_ngyh,
    points: m.points as MeasurementPoint[], screening: { above: m.above, reasons: m.reasons } as Screening, note: m.note, createdAt: m.created_at,
    files: files.map((f) => ({ id: f.id, fileName: f.file_name, mime: f.mime, bytes: f.bytes, uploadedAt: f.uploaded_at, url: `/api/v1/radioactive/files/${f.id}` })),
  };
}

/** Values for form G107 from the latest measurement: the highest nuclide content and dose rate per kind of material. */
export function g107Values(e: q.EnterpriseRow, latest: MeasurementRow | undefined) {
  if (!latest) return null;
  const kindOf = { ore: 'ore', raw: 'concentrate', waste: 'tailings' } as const;
  const materials = (latest.points as MeasurementPoint[]).map((p) => ({
    kind: kindOf[p.kind], name: p.label,
    activity: Math.max(0, ...Object.values(p.nuclides ?? {}).filter((v): v is number => typeof v === 'number')),
    doseRate: p.doseRateNGyH,
  }));
  return { mineral: e.minerals[0] ?? null, backgroundDose: latest.background_ngyh, materials };
}

export async function getEnterprise(db: Db, actor: Actor, id: number) {
  const r = await q.getEnterprise(db, id, actor.scopePrefix);
  if (!r) throw new AppError('RADIO_NOT_FOUND');
  const ms = await q.measurementsOf(db, id);
  const files = await q.filesOf(db, ms.map((m) => m.id));
  const [names, inv] = await Promise.all([regionNames(db, [r.region_code]), q.inInventory(db, r.source_id ? [r.source_id] : [])]);
  return {
    ...enterpriseView(r, { regionName: names.get(r.region_code), inInventory: r.source_id !== null && inv.has(r.source_id) }),
    measurements: ms.map((m) => measurementView(m, files.filter((f) => f.measurement_id === m.id))),
    g107: g107Values(r, ms[0]),
  };
}

export async function markDetailedDone(db: Db, actor: Actor, id: number, b: { version: number; note: string }) {
  const before = await q.getEnterprise(db, id, actor.scopePrefix);
  if (!before) throw new AppError('RADIO_NOT_FOUND');
  const stage = stageOf(before.screening_above, !!before.detailed_done_at);
  if (stage !== 'detailed-required') throw new AppError('RADIO_STAGE', { stage, action: 'marked as surveyed in detail' });
  const r = await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('radio_enterprises').set({ detailed_done_at: new Date(), detailed_note: b.note.trim() || null, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id).where('version', '=', b.version).returningAll().executeTakeFirst();
    if (!r) throw new AppError('VERSION_CONFLICT', {}, { current: before.version });
    await recordAudit(trx, actor, { action: 'radioactive.detailed', entity: 'radio-enterprise', entityId: id, regionCode: r.region_code, before: { stage }, after: { stage: 'detailed-done', note: r.detailed_note } });
    return r;
  });
  return enterpriseView(r);
}
