// 填报 submissions: one form of one source, saved as a draft or submitted, checked on the server
// by the same engine the browser runs. The client makes the id, so a resend of the same content
// is answered from what is stored (no new revision); an edit from an older revision than the
// server's is refused with the server's copy, never written over it.
import type { Db, Tx } from '../../../core/db/index.ts';
import { translateDbError } from '../../../core/db/pg-errors.ts';
import { AppError, ERRORS, formatMessage, isAppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { auditFrom } from '../../audit/index.ts';
import type { Issue } from '../engine/index.ts';
import { CATALOGUE } from '../forms/index.ts';
import { engineFor } from '../server-engine.ts';
import { EDITABLE, cleanExplanations, contentHash, diffAnswers, formVerdict, isStructural, referencedFiles, sourceKindOf, type Status, type Summary } from './rules.ts';
import * as q from './submissions.sql.ts';
import { confirmationStands } from '../self/confirm-rules.ts';
import { latestConfirmation } from '../self/confirmations.sql.ts';
import { enabledLevels } from '../../review/chain/config.ts';
import { entryLevel, fillerLevel } from '../../review/chain/levels.ts';
import { changedOutside } from '../../review/chain/paths.ts';
import { lastReturn, stepsOf } from '../../review/chain/steps.sql.ts';

export interface SaveBody {
  sourceId: number;
  form: string;
  version: number;
  answers: unknown;
  explanations?: unknown;
  status: 'draft' | 'submitted';
  baseRev: number | null;
}

const summaryOf = (s: q.SubmissionRow): Summary => ({ ready: s.ready, blocking: s.blocking, warnings: s.warnings, unexplained: s.unexplained });

export function resultView(s: q.Saved, verdict: { issues: Issue[]; summary: Summary }) {
  return { id: s.id, sourceId: s.source_id, form: s.form, version: s.version, rev: s.rev, status: s.status, reviewLevel: s.review_level, updatedAt: s.updated_at, verdict };
}
const storedView = (s: q.SubmissionRow) => resultView(s, { issues: s.issues as Issue[], summary: summaryOf(s) });

/** May the actor see and fill this source? A respondent only its own; others by region or work package. */
export function reaches(actor: Actor, src: q.SurveySource): boolean {
  if (actor.role === 'respondent') return !!actor.sourceId && actor.sourceId === src.id;
  return src.region_code.startsWith(actor.scopePrefix) || (src.record_region?.startsWith(actor.scopePrefix) ?? false) || src.in_my_package;
}

async function reachableSource(db: Db | Tx, actor: Actor, id: number) {
  const src = await q.surveySource(db, id, actor);
  return src && reaches(actor, src) ? src : undefined;
}

/** Deleted or merged sources, and inventory states that do not go on, are not surveyed. A source not yet inventoried may be (pilots). */
export function assertSurveyed(src: q.SurveySource) {
  if (src.state !== 'active') throw new AppError('SURVEY_SOURCE_NOT_SURVEYED', { id: src.id, state: src.state });
  if (src.to_survey === false) throw new AppError('SURVEY_SOURCE_NOT_SURVEYED', { id: src.id, state: src.inventory_state ?? '' });
}

function conflict(s: q.SubmissionRow, base: number | null): AppError {
  return new AppError('SURVEY_CONFLICT', { server: s.rev, base: base ?? '—' }, { server: { ...storedView(s), answers: s.answers, explanations: s.explanations } });
}

/**
 * The chain after a save (docs/review-api.md): a submit enters at the level above the filler, or
 * goes straight back to the level that returned it; a draft of a returned form stays returned,
 * keeping its reason and its unlocked fields until it is submitted again.
 */
async function reviewOnSave(db: Db, actor: Actor, status: SaveBody['status'], returned: q.SaveContext['existing']): Promise<{ status: q.Write['status']; review: q.Write['review'] }> {
  if (status === 'draft') {
    return returned
      ? { status: 'returned', review: { level: null, filled: null, returnedFrom: returned.returned_from, returnedTo: returned.returned_to, openPaths: returned.open_paths } }
      : { status: 'draft', review: { level: null, filled: null, returnedFrom: null, returnedTo: null, openPaths: null } };
  }
  const filled = fillerLevel(actor);
  const level = entryLevel(await enabledLevels(db), filled, returned?.returned_from ?? null);
  // Nothing above the filler (the top level filled it itself): it is final at once.
  return { status: level ? 'submitted' : 'locked', review: { level, filled, returnedFrom: null, returnedTo: null, openPaths: null } };
}

/** Saves one submission; `created` tells 201 from 200. */
export async function saveSubmission(db: Db, actor: Actor, id: string, b: SaveBody): Promise<{ created: boolean; result: ReturnType<typeof resultView> }> {
  const explanations = cleanExplanations(b.explanations);
  const hash = contentHash({ sourceId: b.sourceId, form: b.form, version: b.version, status: b.status, answers: b.answers, explanations });
  const files = referencedFiles(b.form, b.version, b.answers);
  const engine = await engineFor(db);
  // Only the stored forms this form's rules and applicability read (engine.formsRead) are fetched.
  const { source, existing, taken, others, surveyOpen, attachments } = await q.saveContext(db, id, b.sourceId, b.form, actor, engine.formsRead(b.form), files.map((f) => f.id));
  const src = source && reaches(actor, source) ? source : undefined;
  const stored = async () => (await q.getSubmission(db, id))!;
  if (existing) {
    if (!src) throw new AppError('SURVEY_SUBMISSION_NOT_FOUND');
    if (existing.source_id !== b.sourceId || existing.form !== b.form || existing.version !== b.version) throw new AppError('SURVEY_ID_MISMATCH', { id });
    if (existing.content_hash === hash) return { created: false, result: storedView(await stored()) }; // a resend
    if (!EDITABLE.has(existing.status)) throw new AppError('SURVEY_LOCKED', { status: existing.status });
    if (b.baseRev !== existing.rev) throw conflict(await stored(), b.baseRev);
  } else {
    if (!src) throw new AppError('SURVEY_SOURCE_NOT_FOUND', { id: b.sourceId });
    if (b.baseRev !== null && b.baseRev !== 0) throw new AppError('SURVEY_CONFLICT', { server: '—', base: b.baseRev }, { server: null });
    if (taken) throw new AppError('SURVEY_FORM_TAKEN', { sourceId: b.sourceId, form: b.form, id: taken }, { id: taken });
  }
  assertSurveyed(src);

  // Evaluated with the source's other current forms that it reads: its verdict is as with them all.
  const kind = sourceKindOf(src.category, src.industry_code)!;
  const verdict = engine.evaluateSet({
    source: { ...kind, ...(src.industry_code ? { industryCode: src.industry_code } : {}) },
    forms: [{ form: b.form, version: b.version, answers: b.answers, explanations }, ...others],
  }, { partial: true });
  const mine = formVerdict(verdict.issues, b.form);
  const structural = mine.issues.filter(isStructural);
  if (structural.length) throw new AppError('SURVEY_INVALID', { count: structural.length }, { issues: structural });
  // Every file the answers name must be uploaded for this source, with the type the answer says.
  const missing = files.filter((f) => attachments[f.id] !== f.type).map((f) => f.id);
  if (missing.length) throw new AppError('SURVEY_ATTACHMENT_MISSING', { count: missing.length }, { missing });
  // 清查验收后方可入户调查 (pilot counties excepted): drafts may be prepared before.
  if (b.status === 'submitted' && !surveyOpen) throw new AppError('SURVEY_PHASE_NOT_OPEN', { county: (src.record_region ?? src.region_code).slice(0, 6) });
  if (b.status === 'submitted' && !mine.summary.ready) throw new AppError('SURVEY_NOT_READY', { blocking: mine.summary.blocking, unexplained: mine.summary.unexplained }, { verdict: mine });

  // A form sent back with only some fields unlocked may change only those.
  const returned = existing?.status === 'returned' ? existing : null;
  if (returned?.open_paths) {
    const before = (await stored()).answers;
    const outside = changedOutside(before, (b.answers ?? {}) as Record<string, unknown>, returned.open_paths);
    if (outside.length) throw new AppError('SURVEY_FIELD_LOCKED', { paths: outside.join(', ').slice(0, 200) }, { paths: outside, open: returned.open_paths });
  }
  const review = await reviewOnSave(db, actor, b.status, returned);
  const w: q.Write = {
    id, sourceId: src.id, regionCode: src.record_region ?? src.region_code, form: b.form, version: b.version, status: review.status,
    answers: b.answers, explanations, computed: verdict.values[b.form] ?? {}, issues: mine.issues, summary: mine.summary, hash, userId: actor.id, review: review.review,
  };
  const audit = auditFrom(actor, {
    action: b.status === 'submitted' ? 'survey.submit' : 'survey.save', entity: 'submission', entityId: id, regionCode: w.regionCode,
    before: existing ? { rev: existing.rev, status: existing.status } : undefined,
    after: { sourceId: w.sourceId, form: w.form, version: w.version, rev: existing ? existing.rev + 1 : 1, status: w.status, reviewLevel: w.review.level, ...mine.summary },
  }, 's');
  const saved = existing ? await q.updateSubmission(db, w, existing.rev, [...EDITABLE], audit) : await q.insertSubmission(db, w, audit);
  if (saved) return { created: !existing, result: resultView(saved, mine) };
  // Someone got there between our read and this write: answer as if we had come second.
  const now = await q.getSubmission(db, id);
  // the id went to another source (or form): say so, and show nothing of that one
  if (now && (now.source_id !== b.sourceId || now.form !== b.form || now.version !== b.version)) throw new AppError('SURVEY_ID_MISMATCH', { id });
  if (now && now.content_hash === hash) return { created: false, result: storedView(now) };
  if (now && !EDITABLE.has(now.status)) throw new AppError('SURVEY_LOCKED', { status: now.status });
  if (now) throw conflict(now, b.baseRev);
  const holder = await q.idOfSourceForm(db, b.sourceId, b.form);
  throw new AppError('SURVEY_FORM_TAKEN', { sourceId: b.sourceId, form: b.form, id: holder ?? '' }, { id: holder });
}

export type BulkItem = SaveBody & { id: string };
type BulkResult =
  | { id: string; ok: true; created: boolean; rev: number; status: string; verdict: ReturnType<typeof resultView>['verdict'] }
  | { id: string; ok: false; code: string; status: number; message: { zh: string; en: string }; details?: unknown };

/** 批量: each item in its own transaction, so one refused item costs the others nothing. */
export async function saveBulk(db: Db, actor: Actor, items: BulkItem[]): Promise<{ results: BulkResult[] }> {
  const results: BulkResult[] = [];
  for (const { id, ...body } of items) {
    try {
      const { created, result } = await saveSubmission(db, actor, id, body);
      results.push({ id, ok: true, created, rev: result.rev, status: result.status, verdict: result.verdict });
    } catch (err) {
      const e = translateDbError(err);
      if (!isAppError(e)) throw err;
      const spec = ERRORS[e.code];
      results.push({ id, ok: false, code: e.code, status: spec.status, message: { zh: formatMessage(spec.zh, e.params), en: formatMessage(spec.en, e.params) }, ...(e.details === undefined ? {} : { details: e.details }) });
    }
  }
  return { results };
}

async function visibleSubmission(db: Db, actor: Actor, id: string) {
  const s = await q.getSubmission(db, id);
  if (!s || !(await reachableSource(db, actor, s.source_id))) throw new AppError('SURVEY_SUBMISSION_NOT_FOUND');
  return s;
}

export async function getSubmission(db: Db, actor: Actor, id: string) {
  const s = await visibleSubmission(db, actor, id);
  const revisions = await q.revisionsOf(db, id);
  const back = s.status === 'returned' ? await lastReturn(db, id) : undefined;
  return {
    ...storedView(s), regionCode: s.region_code, answers: s.answers, explanations: s.explanations, values: s.computed,
    createdAt: s.created_at, submittedAt: s.submitted_at,
    revisions: revisions.map((r) => ({ rev: r.rev, status: r.status, at: r.at, by: r.username })),
    // 审核链 (docs/review-api.md): where it waits, and what it was sent back with.
    reviewLevel: s.review_level, reviewVersion: s.review_version, waitingSince: s.waiting_since,
    review: s.status === 'returned'
      ? { returnedFrom: s.returned_from, returnedTo: s.returned_to, openPaths: s.open_paths, reason: back?.reason ?? null, comments: back?.comments ?? [], by: back?.by ?? null, at: back?.at ?? null }
      : null,
    steps: await stepsOf(db, id),
  };
}

export async function getRevision(db: Db, actor: Actor, id: string, revText: string) {
  await visibleSubmission(db, actor, id);
  const rev = /^\d{1,9}$/.test(revText) ? Number(revText) : NaN;
  const pair = Number.isInteger(rev) && rev >= 1 ? await q.revisionPair(db, id, rev) : undefined;
  if (!pair) throw new AppError('SURVEY_REVISION_NOT_FOUND', { rev: revText.slice(0, 12) });
  const { cur, prev } = pair;
  return {
    id, rev: cur.rev, status: cur.status, at: cur.at, byUserId: cur.by_user, answers: cur.answers, explanations: cur.explanations,
    diff: diffAnswers(prev?.answers ?? {}, cur.answers),
    explanationsDiff: diffAnswers(prev?.explanations ?? {}, cur.explanations),
  };
}

export async function listSubmissions(db: Db, actor: Actor, f: { sourceId?: number; form?: string; status?: Status; cursor?: string; limit?: number }) {
  const limit = f.limit ?? 50;
  const rows = await q.listSubmissions(db, actor, { sourceId: f.sourceId, form: f.form, status: f.status, after: f.cursor ? Number(f.cursor) : undefined, limit });
  const page = rows.slice(0, limit);
  return {
    items: page.map((s) => ({
      id: s.id, sourceId: s.source_id, sourceName: s.source_name, regionCode: s.region_code, form: s.form, version: s.version, status: s.status, rev: s.rev,
      updatedAt: s.updated_at, submittedAt: s.submitted_at, ready: s.ready, blocking: s.blocking, warnings: s.warnings, unexplained: s.unexplained,
      reviewLevel: s.review_level, reviewVersion: s.review_version, waitingSince: s.waiting_since,
    })),
    nextCursor: rows.length > limit ? String(page[page.length - 1].seq) : null,
  };
}

/** 本单位应填报表: which forms the source fills, by its kind and its answers so far, and what it has sent. */
export async function sourceSurvey(db: Db, actor: Actor, sourceId: number) {
  const src = await reachableSource(db, actor, sourceId);
  if (!src) throw new AppError('SURVEY_SOURCE_NOT_FOUND', { id: sourceId });
  const kind = sourceKindOf(src.category, src.industry_code)!;
  const sent = await q.formsOfSource(db, src.id);
  const engine = await engineFor(db);
  const values = Object.fromEntries(sent.map((s) => [s.form, s.computed as Record<string, unknown>]));
  const applicable = engine.requiredForms({ ...kind, ...(src.industry_code ? { industryCode: src.industry_code } : {}) }, values);
  const byForm = new Map(sent.map((s) => [s.form, s]));
  const codes = [...applicable.map((a) => a.code), ...sent.map((s) => s.form).filter((c) => !applicable.some((a) => a.code === c))];
  const forms = codes.map((code) => {
    const a = applicable.find((x) => x.code === code);
    const entry = CATALOGUE.find((e) => e.code === code)!;
    const s = byForm.get(code);
    const versions = engine.versions(code);
    return {
      code, nameZh: entry.name.zh, nameEn: entry.name.en, defined: entry.defined,
      version: s?.version ?? (versions.length ? Math.max(...versions) : null),
      status: a ? a.status : ('not-required' as const),
      submission: s ? { id: s.id, rev: s.rev, status: s.status, updatedAt: s.updated_at, ready: s.ready, blocking: s.blocking, warnings: s.warnings, unexplained: s.unexplained } : null,
    };
  });
  // 法定代表人确认: the latest stands while it covers exactly the current revisions (self/confirm-rules.ts).
  const c = await latestConfirmation(db, src.id);
  const confirmation = c && confirmationStands(c.revisions, forms)
    ? { by: c.by, byRole: c.by_role, legalRep: c.legal_rep, statement: c.statement, at: c.confirmed_at, revisions: c.revisions } : null;
  return {
    source: {
      id: src.id, name: src.name, category: src.category, kind: kind.kind, formCategory: kind.category, industryCode: src.industry_code,
      regionCode: src.record_region ?? src.region_code, inventoryState: src.inventory_state, surveyed: src.state === 'active' && src.to_survey !== false,
    },
    forms,
    confirmation,
  };
}
