// 名录库 the directory's sources: browse within scope, one source with where each
// field came from and which registers carry it, supplement and delete by hand.
import { announce } from '../../../core/db/changes.ts';
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { checkCreditCode } from '../../../core/identifiers/credit-code.ts';
import { wgs84ToGcj02 } from '../../../core/geo.ts';
import type { Actor } from '../../access/index.ts';
import { scopePrefixOf } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { assertRegionsExist } from '../../regions/index.ts';
import { eventsOf } from '../merge/merge.sql.ts';
import * as q from './sources.sql.ts';
import { fuzzySourceIds } from './fuzzy.sql.ts';
import { FUZZY_THRESHOLD, filterBigrams } from '../rules/fuzzy-name.ts';

export const CATEGORIES = ['industrial', 'livestock', 'domestic', 'centralised', 'mobile'] as const;
export const DELETE_REASONS = ['duplicate', 'out-of-scope', 'closed'] as const;

export function sourceView(s: q.SourceRow) {
  return {
    id: s.id, regionCode: s.region_code, regionName: s.region_name, creditCode: s.credit_code, name: s.name, formerNames: s.former_names,
    address: s.address, legalRep: s.legal_rep, phone: s.phone, industryCode: s.industry_code, category: s.category,
    lat: s.lat, lng: s.lng, gcj02: s.lat != null && s.lng != null ? wgs84ToGcj02(s.lat, s.lng) : null, permitNo: s.permit_no, radioactive: s.radioactive, state: s.state, mergedInto: s.merged_into,
    deleteReason: s.delete_reason, origin: s.origin, fieldOrigins: s.field_origins, departments: s.departments,
    version: s.version, createdAt: s.created_at, updatedAt: s.updated_at,
  };
}
export type SourceView = ReturnType<typeof sourceView>;

/**
 * Exact search pages by id; `fuzzy` answers instead the best `limit` sources whose name or a
 * former name is similar to `q` (no further page), each with its similarity, and `fuzzy: true`.
 */
export async function listSources(db: Db, actor: Actor, f: Omit<q.SourceFilter, 'scopePrefix' | 'region'> & { region?: string; fuzzy?: boolean }) {
  const filter = { ...f, scopePrefix: actor.scopePrefix, region: f.region ? scopePrefixOf(f.region) : undefined };
  if (f.fuzzy && f.q) {
    const hits = await fuzzySourceIds(db, filter, filterBigrams(f.q.trim()), FUZZY_THRESHOLD);
    const rows = new Map((await q.sourcesByIds(db, hits.map((h) => h.id), actor.scopePrefix)).map((r) => [Number(r.id), r]));
    const items = hits.flatMap((h) => (rows.has(h.id) ? [{ ...sourceView(rows.get(h.id)!), similarity: h.similarity }] : []));
    return { items, nextCursor: null, fuzzy: true };
  }
  const rows = await q.listSources(db, filter);
  const page = rows.slice(0, f.limit);
  return { items: page.map(sourceView), nextCursor: rows.length > f.limit ? String(page[page.length - 1].id) : null };
}

export async function getSource(db: Db, actor: Actor, id: number) {
  const s = await q.getSource(db, id, actor.scopePrefix);
  if (!s) throw new AppError('DIRECTORY_SOURCE_NOT_FOUND');
  const rows = await q.linkedRows(db, id);
  const merges = await eventsOf(db, id);
  return {
    ...sourceView(s),
    registerRows: rows.map((r) => ({ registerId: r.register_id, rowNumber: r.row_number, department: r.department, fileName: r.file_name, rule: r.rule, creditCode: r.credit_code, name: r.name, address: r.address, legalRep: r.legal_rep, phone: r.phone, industryCode: r.industry_code })),
    merges: merges.map((e) => ({ id: e.id, kind: e.kind, survivorId: e.survivor_id, otherId: e.other_id, movedRows: e.moved_rows.length, at: e.at, undoneAt: e.undone_at })),
  };
}

export interface SupplementBody {
  regionCode: string;
  name: string;
  creditCode?: string;
  address?: string;
  legalRep?: string;
  phone?: string;
  industryCode?: string;
  category?: (typeof CATEGORIES)[number];
}

/** 增补 a source found in the field or known locally but on no register. */
export async function supplementSource(db: Db, actor: Actor, b: SupplementBody) {
  await assertRegionsExist(db, [b.regionCode]);
  if (!b.regionCode.startsWith(actor.scopePrefix)) throw new AppError('USER_SCOPE_OUTSIDE', { code: b.regionCode });
  let credit: string | null = null;
  if (b.creditCode) {
    const c = checkCreditCode(b.creditCode, b.regionCode);
    if (!c.ok && c.problems.some((p) => p !== 'REGION_MISMATCH')) throw new AppError('DIRECTORY_CREDIT_CODE_INVALID', { code: c.normalised, problems: c.problems.join(', ') });
    credit = c.normalised;
  }
  return db.transaction().execute(async (trx) => {
    const id = await q.insertSupplement(trx, {
      regionCode: b.regionCode, name: b.name.trim(), creditCode: credit, address: b.address ?? null, legalRep: b.legalRep ?? null,
      phone: b.phone ?? null, industryCode: b.industryCode ?? null, category: b.category ?? 'industrial',
    });
    const s = (await q.getSource(trx, id, ''))!;
    await recordAudit(trx, actor, { action: 'source.supplement', entity: 'source', entityId: id, regionCode: b.regionCode, after: sourceView(s) });
    return sourceView(s);
  });
}

/** 删除 with a reason, or restore; both audited, both reversible. */
export async function setSourceState(db: Db, actor: Actor, id: number, version: number, state: 'active' | 'deleted', reason: string | null) {
  return db.transaction().execute(async (trx) => {
    const before = await q.getSource(trx, id, actor.scopePrefix);
    if (!before) throw new AppError('DIRECTORY_SOURCE_NOT_FOUND');
    if (before.state === 'merged') throw new AppError('DIRECTORY_SOURCE_NOT_ACTIVE');
    if (!(await q.setState(trx, id, version, state, state === 'deleted' ? reason : null))) throw new AppError('VERSION_CONFLICT');
    const after = (await q.getSource(trx, id, actor.scopePrefix))!;
    await recordAudit(trx, actor, {
      action: state === 'deleted' ? 'source.delete' : 'source.restore', entity: 'source', entityId: id, regionCode: before.region_code,
      before: { state: before.state, deleteReason: before.delete_reason }, after: { state: after.state, deleteReason: after.delete_reason },
    });
    return sourceView(after);
  });
}

export async function signOffSupplement(db: Db, actor: Actor, note: string | null) {
  await db.transaction().execute(async (trx) => {
    await q.signOff(trx, actor.regionCode, actor.id, note);
    await recordAudit(trx, actor, { action: 'directory.signoff', entity: 'region', entityId: actor.regionCode, regionCode: actor.regionCode, after: { note } });
  });
  await announce('supervision-figures'); // the supervision figures show the sign-off at once
  return { regionCode: actor.regionCode, note };
}

export async function listSignOffs(db: Db, actor: Actor) {
  const rows = await q.signOffs(db, actor.scopePrefix);
  return { items: rows.map((r) => ({ regionCode: r.region_code, regionName: r.region_name, signedAt: r.signed_at, signedBy: r.signed_by, note: r.note })) };
}
