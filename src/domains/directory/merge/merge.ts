// 合并 merging: a reviewer merges a queued pair (or keeps it apart), and any
// merge (or split, see split.ts) can be undone — the rows move back and the survivor's fields return.
import type { Db, Tx } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { isManualOrigin } from '../sources/edit-rules.ts';
import * as q from './merge.sql.ts';
import { undoSplitEvent } from './split.ts';
import { refuseDuringMatch } from './match-guard.ts';

const FILLABLE = ['credit_code', 'address', 'legal_rep', 'phone', 'industry_code'] as const;

/**
 * The survivor keeps its own values and takes from the other only what it lacks; a field
 * emptied by hand (origin `manual`, sources/edit.ts) stays empty.
 */
export function mergedFields(survivor: q.SourceFields, other: q.SourceFields) {
  const out = { credit_code: survivor.credit_code, name: survivor.name, address: survivor.address, legal_rep: survivor.legal_rep, phone: survivor.phone, industry_code: survivor.industry_code, field_origins: { ...survivor.field_origins } };
  for (const f of FILLABLE) {
    if (!out[f] && other[f] && !isManualOrigin(survivor.field_origins[f])) {
      out[f] = other[f];
      if (other.field_origins[f]) out.field_origins[f] = other.field_origins[f];
    }
  }
  return out;
}

const fieldsOf = (s: q.SourceFields) => ({ credit_code: s.credit_code, name: s.name, address: s.address, legal_rep: s.legal_rep, phone: s.phone, industry_code: s.industry_code, field_origins: s.field_origins });

export async function listQueue(db: Db, actor: Actor, status: string, after: number | undefined, limit: number) {
  const rows = await q.listCandidates(db, actor.scopePrefix, status, after, limit);
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
}

async function mergePair(trx: Tx, actor: Actor, survivorId: number, otherId: number, candidateId: number | null) {
  const locked = await q.lockSources(trx, [survivorId, otherId]);
  const survivor = locked.find((s) => s.id === survivorId);
  const other = locked.find((s) => s.id === otherId);
  if (!survivor || !other || !survivor.region_code.startsWith(actor.scopePrefix) || !other.region_code.startsWith(actor.scopePrefix)) {
    throw new AppError('DIRECTORY_SOURCE_NOT_FOUND');
  }
  await refuseDuringMatch(trx, [survivor.region_code, other.region_code]);
  if (survivor.state !== 'active' || other.state !== 'active') throw new AppError('DIRECTORY_SOURCE_NOT_ACTIVE');
  if (survivor.credit_code && other.credit_code && survivor.credit_code !== other.credit_code) {
    throw new AppError('DIRECTORY_CREDIT_CONFLICT', { a: survivor.credit_code, b: other.credit_code });
  }
  const moved = await q.linksOf(trx, otherId);
  await q.moveLinks(trx, moved, survivorId, 'merge');
  // The other stops being active first: the survivor may take its credit code.
  await q.markMerged(trx, otherId, survivorId);
  const after = mergedFields(survivor, other);
  await q.writeFields(trx, survivorId, after);
  const eventId = await q.insertEvent(trx, { regionCode: survivor.region_code, survivor: survivorId, other: otherId, candidate: candidateId, moved, before: fieldsOf(survivor), actorId: actor.id });
  await recordAudit(trx, actor, {
    action: 'source.merge', entity: 'source', entityId: survivorId, regionCode: survivor.region_code,
    before: { survivor: fieldsOf(survivor), other: { id: otherId, ...fieldsOf(other) } },
    after: { survivor: after, mergedInto: survivorId, movedRows: moved.length, event: eventId },
  });
  return { event: eventId, survivorId, otherId, movedRows: moved.length };
}

/** Merges a queued pair; the lower id survives unless `keep` names the other. */
export async function mergeCandidate(db: Db, actor: Actor, id: number, keep?: number) {
  return db.transaction().execute(async (trx) => {
    const c = await q.lockCandidate(trx, id, actor.scopePrefix);
    if (!c) throw new AppError('DIRECTORY_CANDIDATE_NOT_FOUND');
    if (c.status === 'merged' || c.status === 'apart') throw new AppError('DIRECTORY_CANDIDATE_DECIDED', { status: c.status });
    const survivor = keep === c.source_b ? c.source_b : c.source_a;
    const other = survivor === c.source_a ? c.source_b : c.source_a;
    const r = await mergePair(trx, actor, survivor, other, id);
    await q.decide(trx, id, 'merged', actor.id);
    return r;
  });
}

export async function decideCandidate(db: Db, actor: Actor, id: number, status: 'apart' | 'later' | 'pending') {
  return db.transaction().execute(async (trx) => {
    const c = await q.lockCandidate(trx, id, actor.scopePrefix);
    if (!c) throw new AppError('DIRECTORY_CANDIDATE_NOT_FOUND');
    if (c.status === 'merged') throw new AppError('DIRECTORY_CANDIDATE_DECIDED', { status: c.status });
    await q.decide(trx, id, status, actor.id);
    await recordAudit(trx, actor, { action: `candidate.${status}`, entity: 'merge-candidate', entityId: id, regionCode: c.region_code, before: { status: c.status }, after: { status } });
    return { id, status };
  });
}

/**
 * Undoes a merge or a split (both are merge_events rows), if nothing has changed
 * those sources since: a later merge or split touching either source must be
 * undone first.
 */
export async function undoMerge(db: Db, actor: Actor, eventId: number) {
  return db.transaction().execute(async (trx) => {
    const e = await q.lockEvent(trx, eventId, actor.scopePrefix);
    if (!e) throw new AppError('DIRECTORY_MERGE_NOT_FOUND');
    if (e.undone_at) throw new AppError('DIRECTORY_MERGE_UNDONE');
    return e.kind === 'split' ? undoSplitEvent(trx, actor, e) : undoMergeEvent(trx, actor, e);
  });
}

/** Puts back what a merge changed: the other source and its rows, the survivor's fields, the queued pair. */
async function undoMergeEvent(trx: Tx, actor: Actor, e: q.EventRow) {
  const locked = await q.lockSources(trx, [e.survivor_id, e.other_id]);
  const survivor = locked.find((s) => s.id === e.survivor_id)!;
  const other = locked.find((s) => s.id === e.other_id)!;
  const later = [...(await q.eventsOf(trx, e.survivor_id)), ...(await q.eventsOf(trx, e.other_id))].some((x) => x.id > e.id && !x.undone_at);
  if (survivor.state !== 'active' || other.state !== 'merged' || later) throw new AppError('DIRECTORY_MERGE_STALE');
  await q.writeFields(trx, e.survivor_id, e.survivor_before);
  await q.markMerged(trx, e.other_id, null);
  await q.moveLinks(trx, e.moved_rows, e.other_id, 'manual');
  await q.markUndone(trx, e.id, actor.id);
  if (e.candidate_id) await q.decide(trx, e.candidate_id, 'pending', actor.id);
  await recordAudit(trx, actor, {
    action: 'source.unmerge', entity: 'source', entityId: e.survivor_id, regionCode: e.region_code,
    before: { survivor: fieldsOf(survivor), mergedInto: e.survivor_id, other: e.other_id },
    after: { survivor: e.survivor_before, restored: e.other_id, movedRows: e.moved_rows.length, event: e.id },
  });
  return { event: e.id, kind: 'merge' as const, survivorId: e.survivor_id, otherId: e.other_id, restoredId: e.other_id, movedRows: e.moved_rows.length };
}
