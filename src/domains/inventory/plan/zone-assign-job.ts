// 按地址划入小区 as a job: every active source of a region without a zone is
// placed by its address (rules/placement.ts), in keyset batches, resumable.
import { sql } from 'kysely';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import type { JobHandler } from '../../jobs/index.ts';
import { placeAddress } from '../rules/placement.ts';
import { placeInZone } from './plan.sql.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export const ZONE_ASSIGN_JOB = 'inventory.zone-assign';
export interface ZoneAssignParams {
  regionCode: string;
  actor: { id: number | null; username: string };
}
interface Checkpoint {
  after: number;
  placed: number;
  unplaced: number;
}

const BATCH = 2000;

export const zoneAssignJob: JobHandler<ZoneAssignParams> = {
  kind: ZONE_ASSIGN_JOB,
  async run(ctx) {
    const { db } = ctx;
    const prefix = ctx.params.regionCode;
    const county = prefix.slice(0, 6);
    const townships = await db.selectFrom('regions').select(['code', 'name']).where('level', '=', 'township').where('code', 'like', `${county}%`).execute();
    const zones = (await db.selectFrom('census_zones').select(['id', 'region_code', 'keywords']).where('region_code', 'like', `${county}%`).execute())
      .map((z) => ({ id: z.id, regionCode: z.region_code, keywords: z.keywords }));
    const scoped = townships.filter((t) => t.code.startsWith(prefix) || prefix.startsWith(t.code));
    const cp = (ctx.checkpoint as Checkpoint | null) ?? { after: 0, placed: 0, unplaced: 0 };
    const { rows: [{ n }] } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sources s LEFT JOIN inventory_records i ON i.source_id = s.id
      WHERE s.state = 'active' AND ${inScopeOf('s', county)} AND i.zone_id IS NULL`.execute(db);
    const total = n + cp.placed + cp.unplaced;
    for (;;) {
      const { rows } = await sql<{ id: number; address: string | null; region_code: string }>`
        SELECT s.id, s.address, s.region_code FROM sources s LEFT JOIN inventory_records i ON i.source_id = s.id
        WHERE s.state = 'active' AND ${inScopeOf('s', county)} AND i.zone_id IS NULL AND s.id > ${cp.after}
        ORDER BY s.id LIMIT ${BATCH}`.execute(db);
      if (rows.length === 0) break;
      const byZone = new Map<number, number[]>();
      for (const r of rows) {
        const p = placeAddress(r.address, scoped, zones);
        if (p.zoneId === null) {
          cp.unplaced++;
          continue;
        }
        byZone.set(p.zoneId, [...(byZone.get(p.zoneId) ?? []), r.id]);
        cp.placed++;
      }
      cp.after = rows[rows.length - 1].id;
      await db.transaction().execute(async (trx) => {
        for (const [zoneId, ids] of byZone) await placeInZone(trx, { id: zoneId, region_code: zones.find((z) => z.id === zoneId)!.regionCode }, ids);
      });
      await ctx.progress(cp.placed + cp.unplaced, { total, checkpoint: { ...cp }, message: `${cp.placed} placed, ${cp.unplaced} left for hand` });
    }
    const actor = { ...ctx.params.actor, role: 'regional-office', regionCode: prefix, scopePrefix: prefix, scopeLevel: 'county', department: null, agencyId: null } as Actor;
    await db.transaction().execute((trx) => recordAudit(trx, actor, { action: 'zone.assign-by-address', entity: 'region', entityId: prefix, regionCode: prefix, after: { placed: cp.placed, unplaced: cp.unplaced } }));
    return { placed: cp.placed, unplaced: cp.unplaced };
  },
};
