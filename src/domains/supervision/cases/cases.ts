// 督办: a level above opens a case for a region (or the lag score suggests one), the region
// answers with the measures taken and evidence, the issuer closes it, reopens it or escalates it;
// an open case past its due day climbs the ladder by rule (escalateOverdue, a worker chore).
import type { Db, Tx } from '../../../core/db/index.ts';
import type { CaseType } from '../../../core/db/schema.ts';
import { AppError } from '../../../core/errors.ts';
import { SYSTEM, type Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { announce } from '../announce.ts';
import { addDays, isIsoDate } from '../rules/calendar.ts';
import { CASE_NAMES, caseNumber, escalationType, FROM, isIssuerSide, isOverdue, isTargetSide, type CaseAction } from '../rules/cases.ts';
import { progressFor, scopedRegion, today } from '../progress.ts';
import * as q from './cases.sql.ts';

export const caseView = (c: q.CaseRow) => ({
  id: c.id, type: c.type, typeName: CASE_NAMES[c.type], number: c.number, title: c.title, reasons: c.reasons, measures: c.measures, dueOn: c.due_on, status: c.status,
  issuer: { code: c.issuer_region, name: c.issuer_name }, target: { code: c.target_region, name: c.target_name },
  dispatchId: c.dispatch_id, lagScore: c.lag_score === null ? null : Number(c.lag_score), escalatedFrom: c.escalated_from,
  createdAt: c.created_at, closedAt: c.closed_at, overdue: isOverdue(c.status, c.due_on, today()), version: c.version,
});

async function visible(db: Db, actor: Actor, id: number) {
  const c = await q.caseById(db, id);
  if (!c || !(c.issuer_scope.startsWith(actor.scopePrefix) || c.target_scope.startsWith(actor.scopePrefix))) throw new AppError('CASE_NOT_FOUND');
  return c;
}

export async function listCases(db: Db, actor: Actor, f: q.CaseFilter & { limit?: number }) {
  const rows = await q.listCases(db, actor.scopePrefix, actor.regionCode, { ...f, direction: f.direction ?? 'all' }, Math.min(f.limit ?? 200, 500));
  return { items: rows.map(caseView) };
}

export async function getCase(db: Db, actor: Actor, id: number) {
  const c = await visible(db, actor, id);
  const ev = await q.events(db, id);
  const files = new Map((await q.filesByIds(db, [...new Set(ev.flatMap((e) => (Array.isArray(e.files) ? e.files : [])))])).map((f) => [f.id, f]));
  return {
    ...caseView(c),
    events: ev.map((e) => ({
      id: e.id, kind: e.kind, text: e.text, at: e.at, by: e.by_user === null ? null : { id: e.by_user, name: e.by_name },
      files: (Array.isArray(e.files) ? e.files : []).map((id) => files.get(id)).filter(Boolean).map((f) => ({ id: f!.id, name: f!.name, mime: f!.mime, bytes: Number(f!.bytes) })),
    })),
  };
}

export interface OpenBody { type: CaseType; targetRegion: string; title?: string; reasons: string; measures?: string; dueOn?: string; dispatchId?: number; lagScore?: number }

async function insertCase(trx: Tx, actor: Actor, issuer: string, target: { code: string; name: string }, b: OpenBody & { escalatedFrom?: number }) {
  const year = Number(today().slice(0, 4));
  const n = await q.nextNumber(trx, issuer, CASE_NAMES[b.type].prefix, year);
  const praise = b.type === 'praise';
  const row = await trx.insertInto('supervision_cases').values({
    type: b.type, issuer_region: issuer, target_region: target.code, number: caseNumber(b.type, year, n),
    title: b.title?.trim() || `关于${target.name}的${CASE_NAMES[b.type].zh}`, reasons: b.reasons, measures: b.measures ?? '', due_on: praise ? null : b.dueOn!,
    status: praise ? 'closed' : 'open', dispatch_id: b.dispatchId ?? null, lag_score: b.lagScore === undefined ? null : String(b.lagScore),
    escalated_from: b.escalatedFrom ?? null, created_by: actor.id, ...(praise ? { closed_at: new Date() } : {}),
  }).returning(['id', 'number']).executeTakeFirstOrThrow();
  await trx.insertInto('case_events').values({ case_id: row.id, kind: 'open', text: b.reasons, by_user: actor.id }).execute();
  await recordAudit(trx, actor, { action: 'supervision.case.open', entity: 'case', entityId: row.id, regionCode: target.code, after: { ...b, number: row.number } });
  await announce(trx, {
    regionCode: issuer === '100000' ? '100000' : target.code, kind: 'case', refId: row.id, notifyRegion: target.code,
    body: `【${CASE_NAMES[b.type].zh} ${row.number}】${target.name}：${b.reasons}${praise ? '' : `（请于 ${b.dueOn} 前反馈整改情况）`}`,
  });
  return row.id;
}

export async function openCase(db: Db, actor: Actor, b: OpenBody) {
  const target = await scopedRegion(db, actor, b.targetRegion);
  if (target.code === actor.regionCode || target.scope_prefix === actor.scopePrefix) throw new AppError('CASE_INVALID', { detail: 'a case is opened for a region below your own' });
  if (b.type !== 'praise' && (!b.dueOn || !isIsoDate(b.dueOn))) throw new AppError('CASE_INVALID', { detail: 'dueOn (YYYY-MM-DD) is required' });
  if (b.dueOn && b.type !== 'praise' && b.dueOn < today()) throw new AppError('CASE_INVALID', { detail: `dueOn ${b.dueOn} has passed` });
  if (!b.reasons.trim()) throw new AppError('CASE_INVALID', { detail: 'reasons are required' });
  if (b.dispatchId !== undefined) {
    const d = await db.selectFrom('dispatches').select('region_code').where('id', '=', b.dispatchId).executeTakeFirst();
    if (!d || d.region_code !== actor.regionCode) throw new AppError('DISPATCH_NOT_FOUND');
  }
  const id = await db.transaction().execute((trx) => insertCase(trx, actor, actor.regionCode, target, b));
  return getCase(db, actor, id);
}

async function checkFiles(db: Db, actor: Actor, ids: readonly string[]) {
  const found = await q.filesByIds(db, ids);
  const ok = new Set(found.filter((f) => f.region_code.startsWith(actor.scopePrefix) || actor.scopePrefix === '').map((f) => f.id));
  const missing = ids.filter((id) => !ok.has(id));
  if (missing.length) throw new AppError('CASE_INVALID', { detail: `unknown files: ${missing.slice(0, 3).join(', ')}` });
}

function guard(c: q.CaseRow, actor: Actor, action: CaseAction, version: number) {
  const me = { scopePrefix: actor.scopePrefix, code: actor.regionCode };
  if (action === 'answer' ? !isTargetSide(me, c.target_scope, c.issuer_scope) : !isIssuerSide(me, c.issuer_scope)) {
    throw new AppError('CASE_NOT_YOURS', { who: action === 'answer' ? `${c.target_name}普查机构` : `${c.issuer_name}普查机构或其上级` });
  }
  if (!FROM[action].includes(c.status)) throw new AppError('CASE_STATE', { status: c.status, action });
  if (c.version !== version) throw new AppError('VERSION_CONFLICT');
}

async function step(trx: Tx, actor: Actor, c: q.CaseRow, kind: CaseAction, text: string, files: string[], set: Record<string, unknown>) {
  const n = await trx.updateTable('supervision_cases').set({ ...set, version: c.version + 1 }).where('id', '=', c.id).where('version', '=', c.version).executeTakeFirst();
  if (!Number(n.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
  await trx.insertInto('case_events').values({ case_id: c.id, kind, text, files: JSON.stringify(files), by_user: actor.id }).execute();
  await recordAudit(trx, actor, { action: `supervision.case.${kind}`, entity: 'case', entityId: c.id, regionCode: c.target_region, before: { status: c.status }, after: { ...set, text, files } });
}

export async function answerCase(db: Db, actor: Actor, id: number, b: { text: string; files?: string[]; version: number }) {
  const c = await visible(db, actor, id);
  guard(c, actor, 'answer', b.version);
  if (!b.text.trim()) throw new AppError('CASE_INVALID', { detail: 'the answer needs text' });
  const files = [...new Set(b.files ?? [])];
  await checkFiles(db, actor, files);
  await db.transaction().execute(async (trx) => {
    await step(trx, actor, c, 'answer', b.text, files, { status: 'answered' });
    const body = `【${CASE_NAMES[c.type].zh} ${c.number} 反馈】${c.target_name}：${b.text}${files.length ? `（附证明材料 ${files.length} 份）` : ''}`;
    // Into the target province's own channel, and the issuer's when that is another (the national one).
    await announce(trx, { regionCode: c.target_region, kind: 'case', refId: c.id, body, notifyRegion: c.issuer_region, files, authorId: actor.id });
    if (c.issuer_region === '100000' && c.target_region !== '100000') await announce(trx, { regionCode: '100000', kind: 'case', refId: c.id, body, notifyRegion: c.issuer_region, files, authorId: actor.id });
  });
  return getCase(db, actor, id);
}

export async function closeCase(db: Db, actor: Actor, id: number, b: { text?: string; version: number }) {
  const c = await visible(db, actor, id);
  guard(c, actor, 'close', b.version);
  await db.transaction().execute(async (trx) => {
    await step(trx, actor, c, 'close', b.text ?? '', [], { status: 'closed', closed_at: new Date() });
    await announce(trx, { regionCode: c.issuer_region === '100000' ? '100000' : c.target_region, kind: 'case', refId: c.id, notifyRegion: c.target_region, body: `【${c.number} 办结】${c.target_name}${b.text ? `：${b.text}` : ''}` });
  });
  return getCase(db, actor, id);
}

export async function reopenCase(db: Db, actor: Actor, id: number, b: { text: string; version: number }) {
  const c = await visible(db, actor, id);
  guard(c, actor, 'reopen', b.version);
  await db.transaction().execute(async (trx) => {
    await step(trx, actor, c, 'reopen', b.text, [], { status: 'open' });
    await announce(trx, { regionCode: c.issuer_region === '100000' ? '100000' : c.target_region, kind: 'case', refId: c.id, notifyRegion: c.target_region, body: `【${c.number} 退回】${c.target_name}：${b.text}` });
  });
  return getCase(db, actor, id);
}

async function escalateIn(trx: Tx, actor: Actor, c: q.CaseRow, b: { type?: CaseType; reasons: string; dueOn: string }) {
  const type = escalationType(c.type, b.type);
  if (!type) throw new AppError('CASE_INVALID', { detail: `${c.type} cannot be escalated${b.type ? ` to ${b.type}` : ''}` });
  await step(trx, actor, c, 'escalate', b.reasons, [], { status: 'escalated', closed_at: new Date() });
  return insertCase(trx, actor, c.issuer_region, { code: c.target_region, name: c.target_name }, { type, targetRegion: c.target_region, reasons: b.reasons, measures: c.measures, dueOn: b.dueOn, dispatchId: c.dispatch_id ?? undefined, escalatedFrom: c.id });
}

export async function escalateCase(db: Db, actor: Actor, id: number, b: { type?: CaseType; reasons: string; dueOn: string; version: number }) {
  const c = await visible(db, actor, id);
  guard(c, actor, 'escalate', b.version);
  if (!isIsoDate(b.dueOn) || b.dueOn < today()) throw new AppError('CASE_INVALID', { detail: 'dueOn must be a day from today on' });
  const next = await db.transaction().execute((trx) => escalateIn(trx, actor, c, b));
  return getCase(db, actor, next);
}

let lastLook = 0;
/** Worker chore: open cases past their due day climb one rung, due 14 days later (once a minute). */
export async function escalateOverdue(db: Db, force = false): Promise<number> {
  if (!force && Date.now() - lastLook < 60_000) return 0;
  lastLook = Date.now();
  const day = today();
  let done = 0;
  for (const id of await q.overdue(db, day, 20)) {
    await db.transaction().execute(async (trx) => {
      // Locked, then read: a worker in another process escalating the same case waits and finds it done.
      await q.lockCase(trx, id);
      const c = await q.caseById(trx, id);
      if (!c || !isOverdue(c.status, c.due_on, day)) return;
      if (!escalationType(c.type)) {
        // The top rung cannot climb; it stays open and overdue for the issuer to act on.
        return;
      }
      await escalateIn(trx, SYSTEM, c, { reasons: `逾期未办结（应于 ${c.due_on} 前反馈），按规则升级 / overdue since ${c.due_on}, escalated by rule`, dueOn: addDays(day, 14) });
      done++;
    });
  }
  return done;
}

/** Laggards among the children with no open case, and the type to open (the rung above the last). */
export async function suggestions(db: Db, actor: Actor, q2: { asOf?: string }) {
  const p = await progressFor(db, actor, { asOf: q2.asOf });
  const open = await q.listCases(db, actor.scopePrefix, actor.regionCode, { direction: 'issued' }, 500);
  const busy = new Set(open.filter((c) => c.status === 'open' || c.status === 'answered').map((c) => c.target_region));
  const last = new Map<string, CaseType>();
  for (const c of [...open].reverse()) if (c.type !== 'praise') last.set(c.target_region, c.type);
  return {
    asOf: p.asOf,
    items: p.rows.filter((r) => r.laggard && !busy.has(r.code)).map((r) => {
      const prev = last.get(r.code);
      return { code: r.code, name: r.name, lagScore: r.lagScore, rank: r.rank, suggestedType: prev ? (escalationType(prev) ?? prev) : 'reminder' as CaseType };
    }),
  };
}
