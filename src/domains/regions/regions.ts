// 行政区划 regions: reading the tree within a caller's scope, loading it, pilots.
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/actor.ts';
import { scopePrefixOf } from '../access/scope.ts';
import { recordAudit } from '../audit/audit.sql.ts';
import * as q from './regions.sql.ts';
import { buildRegionRows } from './tree.ts';

/** A caller sees its own subtree and the chain of regions above it (for breadcrumbs). */
export function visibleTo(actor: Actor, code: string): boolean {
  return code.startsWith(actor.scopePrefix) || actor.regionCode.startsWith(scopePrefixOf(code));
}

type Row = NonNullable<Awaited<ReturnType<typeof q.getRegion>>>;
const view = (r: Row) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, pilot: r.pilot });

export async function loadRegionTree(db: Db, onProgress?: (done: number, total: number) => void) {
  const rows = buildRegionRows();
  await q.upsertRegions(db, rows, (done) => onProgress?.(done, rows.length));
  return rows.length;
}

/** Loads the tree only when it is missing (first start). */
export async function ensureRegionTree(db: Db) {
  if ((await q.countRegions(db)) > 1) return 0;
  return loadRegionTree(db);
}

export async function getRegion(db: Db, actor: Actor, code: string) {
  const r = visibleTo(actor, code) ? await q.getRegion(db, code) : undefined;
  if (!r) throw new AppError('REGION_NOT_FOUND', { code });
  return { ...view(r), path: await q.getPath(db, code) };
}

export async function getChildren(db: Db, actor: Actor, code: string) {
  const rows = visibleTo(actor, code) ? await q.getChildren(db, code) : [];
  // No children: tell a leaf (empty list) from an unknown or hidden region (404).
  if (rows.length === 0 && !(visibleTo(actor, code) && (await q.getRegion(db, code)))) {
    throw new AppError('REGION_NOT_FOUND', { code });
  }
  return {
    items: rows
      .filter((r) => visibleTo(actor, r.code))
      .map((r) => ({ ...view(r), hasChildren: Boolean(r.has_children) })),
  };
}

export async function searchRegions(db: Db, actor: Actor, term: string, limit = 20) {
  const rows = await q.searchRegions(db, term, actor.scopePrefix, limit);
  return { items: rows.map(view) };
}

export async function setPilot(db: Db, actor: Actor, code: string, pilot: boolean) {
  const before = code.startsWith(actor.scopePrefix) ? await q.getRegion(db, code) : undefined;
  if (!before) throw new AppError('REGION_NOT_FOUND', { code });
  if (before.level !== 'county') throw new AppError('REQUEST_INVALID', { detail: 'only a county can be a pilot' });
  return db.transaction().execute(async (trx) => {
    const after = await q.setPilot(trx, code, pilot);
    await recordAudit(trx, actor, {
      action: 'region.pilot',
      entity: 'region',
      entityId: code,
      regionCode: code,
      before: { pilot: before.pilot },
      after: { pilot },
    });
    return view(after!);
  });
}

/**
 * A synchronous existence check for region codes, loaded once per database (the tree changes
 * only with a new division release). A 12-digit statistical code is judged by its county
 * (ending 000000) or township, as villages are loaded only on demand.
 */
const checkers = new WeakMap<Db, Promise<(code: string) => boolean>>();
export function regionChecker(db: Db): Promise<(code: string) => boolean> {
  let p = checkers.get(db);
  if (!p) {
    p = q.codesToTownship(db).then((codes) => (code: string) => {
      if (!/^\d{12}$/.test(code)) return codes.has(code);
      return codes.has(code.endsWith('000000') ? code.slice(0, 6) : code.slice(0, 9));
    });
    p.catch(() => checkers.delete(db));
    checkers.set(db, p);
  }
  return p;
}

/** Throws REGION_UNKNOWN for a code that is not in the tree (input validation). */
export async function assertRegionsExist(db: Db, codes: string[]) {
  const have = await q.regionsExist(db, codes);
  const missing = codes.find((c) => !have.has(c));
  if (missing) throw new AppError('REGION_UNKNOWN', { code: missing });
}
