// 简报: an office writes text with live data blocks (a table or a chart of its children); the
// blocks show the figures as of the briefing's day, so a briefing reads the same whenever opened.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { announce } from './announce.ts';
import { addDays } from './rules/calendar.ts';
import { checkDay, progress, scopedRegion } from './progress.ts';
import { inScope } from './dispatches.ts';

export type Block = { kind: 'text'; text: string } | { kind: 'table'; metrics: string[]; region?: string } | { kind: 'chart'; metric: string; region?: string };

const COLUMNS = sql.raw(`id, region_code, to_char(as_of, 'YYYY-MM-DD') AS as_of, title, blocks, status, number, created_by, created_at, published_by, published_at, version`);
interface Row { id: number; region_code: string; as_of: string; title: string; blocks: Block[]; status: 'draft' | 'published'; number: number | null; created_at: Date; published_at: Date | null; version: number }

const view = (b: Row) => ({ id: b.id, regionCode: b.region_code, asOf: b.as_of, title: b.title, blocks: b.blocks, status: b.status, number: b.number, createdAt: b.created_at, publishedAt: b.published_at, version: b.version });

async function load(db: Db, actor: Actor, id: number) {
  const b = (await sql<Row>`SELECT ${COLUMNS} FROM briefings WHERE id = ${id}`.execute(db)).rows[0];
  if (!b || !(await inScope(db, actor, b.region_code))) throw new AppError('BRIEFING_NOT_FOUND');
  return b;
}

/** Data blocks must name regions inside the briefing's own region. */
async function checkBlocks(db: Db, actor: Actor, regionCode: string, blocks: Block[]) {
  const own = await scopedRegion(db, actor, regionCode);
  for (const b of blocks) {
    if (b.kind !== 'text' && b.region) {
      const r = await scopedRegion(db, actor, b.region);
      if (!r.scope_prefix.startsWith(own.scope_prefix)) throw new AppError('REGION_NOT_FOUND', { code: b.region });
    }
  }
}

export async function createBriefing(db: Db, actor: Actor, b: { title: string; asOf: string; blocks: Block[]; region?: string }) {
  const r = await scopedRegion(db, actor, b.region);
  const asOf = checkDay(b.asOf);
  await checkBlocks(db, actor, r.code, b.blocks);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('briefings').values({ region_code: r.code, as_of: asOf, title: b.title, blocks: JSON.stringify(b.blocks), created_by: actor.id }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'supervision.briefing.create', entity: 'briefing', entityId: row.id, regionCode: r.code, after: { title: b.title, asOf, blocks: b.blocks.length } });
    return row.id;
  });
  return getBriefing(db, actor, id);
}

export async function listBriefings(db: Db, actor: Actor) {
  const rows = (await sql<Row & { region_name: string }>`SELECT ${COLUMNS}, (SELECT name FROM regions WHERE code = b.region_code) AS region_name FROM briefings b
    WHERE region_code IN (SELECT code FROM regions WHERE scope_prefix LIKE ${`${actor.scopePrefix}%`}) ORDER BY as_of DESC, id DESC LIMIT 200`.execute(db)).rows;
  return { items: rows.map((b) => ({ ...view(b), regionName: b.region_name, blocks: undefined })) };
}

/** The briefing with each data block's figures as of its day. */
export async function getBriefing(db: Db, actor: Actor, id: number) {
  const b = await load(db, actor, id);
  const data = [];
  for (const block of b.blocks) {
    if (block.kind === 'text') { data.push(null); continue; }
    const r = await scopedRegion(db, actor, block.region ?? b.region_code);
    const p = await progress(db, r, b.as_of, addDays(b.as_of, -14));
    const metrics = block.kind === 'table' ? block.metrics : [block.metric];
    const pick = (row: typeof p.self) => Object.fromEntries(metrics.map((m) => [m, m === 'lagScore' ? row.lagScore : m === 'progress' ? row.progress : m === 'expected' ? row.expected : row.metrics[m] ?? null]));
    data.push({ region: p.region, asOf: b.as_of, self: pick(p.self), rows: p.rows.map((x) => ({ code: x.code, name: x.name, rank: x.rank, values: pick(x) })) });
  }
  return { ...view(b), data };
}

export async function editBriefing(db: Db, actor: Actor, id: number, e: { title?: string; asOf?: string; blocks?: Block[]; version: number }) {
  const b = await load(db, actor, id);
  if (b.status === 'published') throw new AppError('BRIEFING_PUBLISHED');
  if (b.version !== e.version) throw new AppError('VERSION_CONFLICT');
  if (e.blocks) await checkBlocks(db, actor, b.region_code, e.blocks);
  const asOf = e.asOf !== undefined ? checkDay(e.asOf) : undefined;
  await db.transaction().execute(async (trx) => {
    const n = await trx.updateTable('briefings').set({
      ...(e.title !== undefined ? { title: e.title } : {}), ...(asOf ? { as_of: asOf } : {}), ...(e.blocks ? { blocks: JSON.stringify(e.blocks) } : {}), version: b.version + 1,
    }).where('id', '=', id).where('version', '=', e.version).where('status', '=', 'draft').executeTakeFirst();
    if (!Number(n.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, { action: 'supervision.briefing.edit', entity: 'briefing', entityId: id, regionCode: b.region_code, before: { title: b.title, asOf: b.as_of }, after: { title: e.title, asOf } });
  });
  return getBriefing(db, actor, id);
}

export async function publishBriefing(db: Db, actor: Actor, id: number, e: { version: number }) {
  const b = await load(db, actor, id);
  if (b.status === 'published') throw new AppError('BRIEFING_PUBLISHED');
  if (b.version !== e.version) throw new AppError('VERSION_CONFLICT');
  await db.transaction().execute(async (trx) => {
    const next = await sql<{ n: number }>`SELECT coalesce(max(number), 0) + 1 AS n FROM briefings WHERE region_code = ${b.region_code}`.execute(trx);
    const number = Number(next.rows[0]!.n);
    const n = await trx.updateTable('briefings').set({ status: 'published', number, published_by: actor.id, published_at: new Date(), version: b.version + 1 })
      .where('id', '=', id).where('version', '=', e.version).where('status', '=', 'draft').executeTakeFirst();
    if (!Number(n.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, { action: 'supervision.briefing.publish', entity: 'briefing', entityId: id, regionCode: b.region_code, after: { number } });
    await announce(trx, { regionCode: b.region_code, kind: 'briefing', refId: id, body: `【简报 第${number}期】${b.title}（截至 ${b.as_of}）` });
  });
  return getBriefing(db, actor, id);
}
