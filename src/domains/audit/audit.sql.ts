// 审计 audit: every change writes one row here, inside the change's own transaction.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import type { Actor } from '../access/actor.ts';
import { NATION_CODE, provinceOf, inScopeOf } from '../../core/db/distribution.ts';

export interface AuditEntry {
  action: string; // e.g. 'user.create'
  entity: string; // e.g. 'user'
  entityId: string | number;
  regionCode: string | null;
  before?: unknown;
  after?: unknown;
}

/** The audit trail's shard: the province of the change's region, the nation's without one. */
export const auditProvince = (regionCode: string | null): string => provinceOf(regionCode ?? NATION_CODE);

/**
 * The audit row as part of the statement that makes the change: it is inserted once per row the
 * CTE `from` returns (none when the change did not happen). A hot write then costs one round
 * trip instead of BEGIN, change, audit, COMMIT — and is as atomic, being one statement.
 */
export function auditFrom(actor: Actor, e: AuditEntry, from: string) {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return sql`INSERT INTO audit_log (actor_id, actor_username, action, entity, entity_id, region_code, province_code, before, after)
    SELECT ${actor.id}::bigint, ${actor.username}, ${e.action}, ${e.entity}, ${String(e.entityId)}, ${e.regionCode}, ${auditProvince(e.regionCode)}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb
    FROM ${sql.table(from)}`;
}

/** Call with the transaction that makes the change, so both commit or neither. */
export async function recordAudit(trx: Tx, actor: Actor, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: actor.id,
      actor_username: actor.username,
      action: e.action,
      entity: e.entity,
      entity_id: String(e.entityId),
      region_code: e.regionCode,
      province_code: auditProvince(e.regionCode),
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}

export interface AuditFilter {
  scopePrefix: string;
  entity?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  region?: string;
  from?: string;
  to?: string;
  /** Keyset cursor: the id of the last row of the previous page. */
  before?: number;
  limit: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    // Rows with no region (system-wide changes) are for the nation's scope only.
    .where((eb) =>
      f.scopePrefix === '' ? eb.lit(true) : inScopeOf('audit_log', f.scopePrefix),
    );
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.actor) q = q.where('actor_username', '=', f.actor);
  if (f.region) q = q.where('region_code', 'like', `${f.region}%`);
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<', new Date(f.to));
  if (f.before) q = q.where('id', '<', f.before);
  const rows = await q.orderBy('id', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      actorUsername: r.actor_username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      regionCode: r.region_code,
      before: r.before,
      after: r.after,
    })),
    nextCursor: rows.length > f.limit ? String(page[page.length - 1].id) : null,
  };
}
