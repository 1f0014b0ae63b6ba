// 拆分 splitting: a reviewer moves some register rows of a source that joined
// two real sources into a new source of their own; like a merge, a split is
// logged in merge_events (kind 'split') and can be undone.
import type { Tx, Db } from '../../../core/db/index.ts';
import { provinceOf } from '../../../core/db/distribution.ts';
import { AppError } from '../../../core/errors.ts';
import { checkCreditCode } from '../../../core/identifiers/credit-code.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import type { CandidateRow } from '../matching/survivorship.ts';
import * as q from './merge.sql.ts';
import { refuseDuringMatch } from './match-guard.ts';
import { planSplit, rowKey, type SplitFields } from './split-plan.ts';
import * as sq from './split.sql.ts';

const fieldsOf = (s: SplitFields): SplitFields => ({ credit_code: s.credit_code, name: s.name, address: s.address, legal_rep: s.legal_rep, phone: s.phone, industry_code: s.industry_code, field_origins: s.field_origins });

/** A linked row as survivorship reads it: the credit code normalised and checked as the matching job does. */
function candidateOf(r: sq.LinkedRowFull): CandidateRow {
  const credit = r.credit_code ? checkCreditCode(r.credit_code) : null;
  return {
    registerId: r.register_id, rowNumber: r.row_number, department: r.department, importedAt: r.imported_at ? new Date(r.imported_at).getTime() : 0,
    regionCode: r.region_code, creditValid: credit?.ok ?? false,
    values: { credit_code: credit?.normalised || null, name: r.name, address: r.address, legal_rep: r.legal_rep, phone: r.phone, industry_code: r.industry_code },
  };
}

export interface SplitBody {
  version: number;
  rows: { registerId: number; rowNumber: number }[];
}

/** Moves the named rows of a source to a new source, in one transaction. */
export async function splitSource(db: Db, actor: Actor, id: number, body: SplitBody) {
  return db.transaction().execute(async (trx) => {
    const [original] = await q.lockSources(trx, [id]);
    if (!original || !original.region_code.startsWith(actor.scopePrefix)) throw new AppError('DIRECTORY_SOURCE_NOT_FOUND');
    if (original.state !== 'active') throw new AppError('DIRECTORY_SOURCE_NOT_ACTIVE');
    if (original.version !== body.version) throw new AppError('VERSION_CONFLICT');
    await refuseDuringMatch(trx, [original.region_code]);

    const linked = await sq.linkedRowsForSplit(trx, id);
    const rows = linked.map(candidateOf);
    const codes = [...new Set(rows.map((r) => r.values.credit_code).filter((c): c is string => !!c))];
    const plan = planSplit(fieldsOf(original), rows, body.rows, await sq.creditCodesHeld(trx, codes, id));
    if (!plan.created.region_code.startsWith(actor.scopePrefix)) throw new AppError('USER_SCOPE_OUTSIDE', { code: plan.created.region_code });
    // A source and what is split off it stay in one province (their event and pair sit there, migration 0034).
    if (provinceOf(plan.created.region_code) !== provinceOf(original.region_code)) throw new AppError('DIRECTORY_SPLIT_ACROSS_PROVINCES', { code: plan.created.region_code });

    // The original first: when its credit code moves with the rows, it must let go of it
    // before the new source takes it (one active source per code).
    const before = fieldsOf(original);
    await q.writeFields(trx, id, plan.original);
    const newId = await sq.insertSplitSource(trx, plan.created);
    const ruleOf = new Map(linked.map((r) => [rowKey({ registerId: r.register_id, rowNumber: r.row_number }), r.rule]));
    const moved: [number, number, string][] = plan.moved.map((r) => [r.registerId, r.rowNumber, ruleOf.get(rowKey(r))!]);
    await q.moveLinks(trx, moved, newId, 'manual');
    // The reviewer has just said these are two sources: the pair is recorded as decided
    // 'apart' rather than queued, so the reviewer is not asked at once to undo their own
    // decision, and a later matching run (which keeps decided pairs) never queues it again.
    // It stays visible under "kept apart" and can be reopened from there.
    const candidate = await sq.insertDecidedPair(trx, {
      regionCode: [original.region_code, plan.created.region_code].sort((a, b) => a.length - b.length)[0],
      a: id, b: newId, status: 'apart', reasons: ['SPLIT'], actorId: actor.id,
    });
    const event = await q.insertEvent(trx, { kind: 'split', regionCode: original.region_code, survivor: id, other: newId, candidate, moved, before, actorId: actor.id });
    await recordAudit(trx, actor, {
      action: 'source.split', entity: 'source', entityId: id, regionCode: original.region_code,
      before: { source: before, rows: linked.length },
      after: { source: plan.original, created: { id: newId, ...plan.created }, movedRows: moved.map(([r, n]) => [r, n]), event },
    });
    return { event, sourceId: id, newSourceId: newId, movedRows: moved.length, candidate };
  });
}

/**
 * Undoes a split: the new source's rows go back to the original (each with the rule it
 * had before), the original's fields return, and the new source becomes merged into the
 * original — 'merged' keeps it and its history (deleting needs a delete reason, and
 * rows, events and the pair still name it). Called by undoMerge for events of kind 'split'.
 */
export async function undoSplitEvent(trx: Tx, actor: Actor, e: q.EventRow) {
  const locked = await q.lockSources(trx, [e.survivor_id, e.other_id]);
  const original = locked.find((s) => s.id === e.survivor_id)!;
  const created = locked.find((s) => s.id === e.other_id)!;
  const later = [...(await q.eventsOf(trx, e.survivor_id)), ...(await q.eventsOf(trx, e.other_id))].some((x) => x.id > e.id && !x.undone_at);
  // A deleted (or merged) new source was changed by hand since: restore or unmerge it first.
  if (original.state !== 'active' || created.state !== 'active' || later) throw new AppError('DIRECTORY_MERGE_STALE');
  const back = e.moved_rows.map(([r, n, rule]) => [r, n, rule ?? 'manual'] as [number, number, string]);
  const movedKeys = new Set(back.map(([r, n]) => `${r}:${n}`));
  // Rows a matching run linked to the new source since go along: the two are one again.
  const since = (await q.linksOf(trx, e.other_id)).filter(([r, n]) => !movedKeys.has(`${r}:${n}`));
  // The new source stops being active first: the original may take back its credit code.
  await q.markMerged(trx, e.other_id, e.survivor_id);
  await q.writeFields(trx, e.survivor_id, e.survivor_before);
  await sq.moveLinksWithRules(trx, back, e.survivor_id);
  await q.moveLinks(trx, since, e.survivor_id, 'merge');
  await q.markUndone(trx, e.id, actor.id);
  // The pair is one source again: its decision becomes 'merged' (still decided, never re-queued).
  if (e.candidate_id) await q.decide(trx, e.candidate_id, 'merged', actor.id);
  await recordAudit(trx, actor, {
    action: 'source.unsplit', entity: 'source', entityId: e.survivor_id, regionCode: e.region_code,
    before: { source: fieldsOf(original), split: { id: created.id, ...fieldsOf(created) } },
    after: { source: e.survivor_before, mergedInto: e.survivor_id, merged: e.other_id, movedRows: back.length + since.length, event: e.id },
  });
  return { event: e.id, kind: 'split' as const, survivorId: e.survivor_id, otherId: e.other_id, restoredId: e.survivor_id, movedRows: back.length + since.length };
}
