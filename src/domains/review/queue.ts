// 审核队列: what waits at a level in the actor's scope, oldest first with its age; bulk approval
// of a filter as a job; what has been sent back to the actor to correct; the chain settings.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { ReviewLevel } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { JobHandler } from '../jobs/index.ts';
import { enabledLevels, forgetLevels } from './chain/config.ts';
import { LEVELS, LEVEL_NAMES, isLevel, levelIndex, nextLevel, reviewLevelOf } from './chain/levels.ts';
import { lastReturn } from './chain/steps.sql.ts';
import * as q from './review.sql.ts';

const DAY = 86_400_000;

/** The level whose queue the actor reads: their own, or (offices) one below it. */
export function queueLevel(actor: Actor, asked?: string): ReviewLevel {
  const mine = reviewLevelOf(actor);
  if (!mine) throw new AppError('REVIEW_NOT_YOUR_LEVEL', { level: '—' });
  if (!asked) return mine;
  if (!isLevel(asked) || levelIndex(asked) > levelIndex(mine)) throw new AppError('REVIEW_NOT_YOUR_LEVEL', { level: isLevel(asked) ? LEVEL_NAMES[asked].zh : asked.slice(0, 20) });
  return asked;
}

function townshipIn(actor: Actor, f: q.QueueFilter) {
  // A township outside the scope selects nothing rather than widening the scope.
  if (f.township && !f.township.startsWith(actor.scopePrefix) && !actor.scopePrefix.startsWith(f.township)) return { ...f, township: `${f.township}-none` };
  return f;
}

const encode = (r: { waiting_since: Date; seq: number }) => `${new Date(r.waiting_since).getTime()}.${r.seq}`;
function decode(cursor?: string) {
  const m = cursor ? /^(\d{1,15})\.(\d{1,15})$/.exec(cursor) : null;
  return m ? { at: new Date(Number(m[1])), seq: Number(m[2]) } : null;
}

export async function listQueue(db: Db, actor: Actor, p: q.QueueFilter & { level?: string; cursor?: string; limit?: number }) {
  const level = queueLevel(actor, p.level);
  const limit = p.limit ?? 50;
  const rows = await q.queue(db, actor, level, townshipIn(actor, p), decode(p.cursor), limit);
  const page = rows.slice(0, limit);
  const now = Date.now();
  return {
    level,
    items: page.map((r) => ({
      id: r.id, sourceId: r.source_id, sourceName: r.source_name, regionCode: r.region_code, regionName: r.region_name, form: r.form, status: r.status,
      rev: r.rev, reviewVersion: r.review_version, waitingSince: r.waiting_since, ageDays: Math.floor((now - new Date(r.waiting_since).getTime()) / DAY),
      warnings: r.warnings, unexplained: r.unexplained, explained: r.warnings - r.unexplained, filledBy: r.filled_by,
      // the reviewer sees when the accounting found the source far from its permit report
      permitFlags: r.permit_flags,
    })),
    nextCursor: rows.length > limit ? encode(page[page.length - 1]) : null,
  };
}

export async function queueSummary(db: Db, actor: Actor, p: q.QueueFilter & { level?: string }) {
  const level = queueLevel(actor, p.level);
  const rows = await q.queueSummary(db, actor, level, townshipIn(actor, p));
  const oldest = rows.reduce<Date | null>((m, r) => (!m || new Date(r.oldest) < m ? new Date(r.oldest) : m), null);
  return { level, total: rows.reduce((n, r) => n + r.n, 0), oldest, byForm: rows.map((r) => ({ form: r.form, count: r.n })) };
}

export const BULK_APPROVE_JOB = 'review.bulk-approve';
export interface BulkParams {
  actor: Actor;
  level: ReviewLevel;
  filter: q.QueueFilter;
  snapshot: string;
  expected: number;
}

export async function startBulkApprove(db: Db, actor: Actor, enqueue: (a: Actor, kind: string, params: BulkParams, region: string, total?: number) => Promise<{ id: number }>, b: { filter: q.QueueFilter; expected: number }) {
  const level = queueLevel(actor);
  const job = await enqueue(actor, BULK_APPROVE_JOB, { actor, level, filter: townshipIn(actor, b.filter), snapshot: new Date().toISOString(), expected: b.expected }, actor.regionCode, b.expected);
  return { jobId: job.id };
}

const CHUNK = 500;

/** Approves the snapshot in chunks, each one statement; a restart picks up what is still waiting. */
export const bulkApproveJob: JobHandler<BulkParams> = {
  kind: BULK_APPROVE_JOB,
  async run(ctx) {
    const { actor, level, filter, expected } = ctx.params;
    const snapshot = new Date(ctx.params.snapshot);
    const next = nextLevel(await enabledLevels(ctx.db), level);
    let done = (ctx.checkpoint as { done: number } | null)?.done ?? 0;
    for (;;) {
      const n = await q.approveChunk(ctx.db, actor, level, filter, snapshot, next, CHUNK);
      if (n === 0) break;
      done += n;
      await ctx.progress(done, { total: Math.max(expected, done), checkpoint: { done }, message: `${done} approved` });
      // PGlite runs in this thread and its answers resolve as microtasks: without a turn of the
      // event loop the next chunk would start before any waiting request is read (no progress seen).
      await new Promise((r) => setImmediate(r));
    }
    return { approved: done, level, next };
  },
};

/** What the actor must correct: the answers as stored, with the reason and the fields pinned. */
export async function returnedToMe(db: Db, actor: Actor) {
  const rows = await q.returnedFor(db, actor);
  const items = [];
  for (const s of rows) {
    const back = await lastReturn(db, s.id);
    items.push({
      id: s.id, sourceId: s.source_id, sourceName: (s as typeof s & { source_name: string }).source_name, form: s.form, version: s.version, rev: s.rev,
      reviewVersion: s.review_version, answers: s.answers, explanations: s.explanations,
      review: { returnedFrom: s.returned_from, returnedTo: s.returned_to, openPaths: s.open_paths, reason: back?.reason ?? null, comments: back?.comments ?? [], by: back?.by ?? null, at: back?.at ?? null },
    });
  }
  return { items };
}

export async function getChain(db: Db) {
  const enabled = await enabledLevels(db);
  return { levels: LEVELS.map((code, index) => ({ code, index, enabled: enabled.includes(code), nameZh: LEVEL_NAMES[code].zh, nameEn: LEVEL_NAMES[code].en })) };
}

export async function setChain(db: Db, actor: Actor, levels: { code: string; enabled: boolean }[]) {
  for (const l of levels) if (!isLevel(l.code)) throw new AppError('REVIEW_CHAIN_INVALID', { detail: `unknown level ${String(l.code).slice(0, 20)}` });
  if (levels.some((l) => l.code === 'county' && !l.enabled)) throw new AppError('REVIEW_CHAIN_INVALID', { detail: 'county must stay enabled / 县级审核不能关闭' });
  const before = await getChain(db);
  await db.transaction().execute(async (trx) => {
    for (const l of levels) await trx.updateTable('review_levels').set({ enabled: l.enabled, updated_by: actor.id, updated_at: sql`now()` }).where('code', '=', l.code as ReviewLevel).execute();
    await recordAudit(trx, actor, { action: 'review.chain', entity: 'review-chain', entityId: 'chain', regionCode: null, before: before.levels.map((l) => [l.code, l.enabled]), after: levels.map((l) => [l.code, l.enabled]) });
  });
  await forgetLevels();
  return getChain(db);
}
