// 阶段验收: a region's office signs the acceptance of a phase once nothing holds it back
// (phases/rules.ts); the page shows the region, its figures and which children hold it back.
// A level above may revoke a child's acceptance (to reopen it) while its own is not signed.
import { announce } from '../../../core/db/changes.ts';
import type { Db } from '../../../core/db/index.ts';
import type { Phase, ReviewLevel } from '../../../core/db/schema.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { LEVELS, levelIndex } from '../chain/levels.ts';
import { countyRates } from '../qc/qc.ts';
import { settings } from '../qc/qc.sql.ts';
import { phaseBlockers } from './rules.ts';
import * as q from './phases.sql.ts';

const ACCEPTING: Record<string, ReviewLevel> = { county: 'county', prefecture: 'city', province: 'province', nation: 'nation' };
export const PHASE_NAMES: Record<Phase, { zh: string; en: string }> = { inventory: { zh: '清查', en: 'inventory' }, survey: { zh: '入户调查', en: 'survey' } };

async function regionInScope(db: Db, actor: Actor, code: string) {
  const r = await q.region(db, code);
  if (!r || !r.scope_prefix.startsWith(actor.scopePrefix)) throw new AppError('REGION_NOT_FOUND', { code: code.slice(0, 20) });
  if (!ACCEPTING[r.level]) throw new AppError('QC_NOT_COUNTY', { region: r.name });
  return r;
}

async function pilotCounty(db: Db, code: string) {
  const county = await q.region(db, code.slice(0, 6));
  return !!county?.pilot && county.level === 'county';
}

/** The figures, the children and what blocks the region, as the page and the accept action see them. */
async function facts(db: Db, phase: Phase, r: NonNullable<Awaited<ReturnType<typeof q.region>>>) {
  const level = ACCEPTING[r.level];
  const upTo = LEVELS.filter((l) => levelIndex(l) <= levelIndex(level));
  const kids = r.level === 'county' ? [] : await q.children(db, phase, r.code);
  const figures = phase === 'inventory' ? await q.inventoryFigures(db, r.scope_prefix) : await q.surveyFigures(db, r.scope_prefix, upTo);
  const thresholds = await settings(db);
  const qc = r.level === 'county' ? await countyRates(db, r.code, phase) : null;
  const blockers = phaseBlockers({
    phase, level: r.level, children: kids.map((c) => ({ code: c.code, name: c.name, accepted: c.accepted, hasWork: c.has_work })),
    waiting: figures.waiting, unsurveyed: 'unsurveyed' in figures ? figures.unsurveyed : 0,
    pilot: r.level === 'county' ? r.pilot : await pilotCounty(db, r.code),
    inventoryAccepted: phase === 'survey' ? !!(await q.standing(db, 'inventory', r.code)) : true,
    qc: qc ? { checked: qc.checked, errorRate: qc.errorRate, omissionRate: qc.omissionRate } : null,
    thresholds,
  });
  return { figures: { ...figures, ...(qc ? { qc } : {}) }, kids, blockers };
}

export async function phaseStatus(db: Db, actor: Actor, phase: Phase, code?: string) {
  const r = await regionInScope(db, actor, code ?? actor.regionCode);
  const f = await facts(db, phase, r);
  const acc = await q.standing(db, phase, r.code);
  // Each child's own blockers are read when the page opens it; here, whether it accepted.
  return {
    phase, region: { code: r.code, name: r.name, level: r.level },
    acceptance: acc ? { by: acc.by, signedBy: acc.signed_by, statement: acc.statement, at: acc.accepted_at, figures: acc.figures } : null,
    canAccept: !acc && f.blockers.length === 0 && r.scope_prefix === actor.scopePrefix,
    blockers: f.blockers, figures: f.figures,
    children: await Promise.all(f.kids.map(async (c) => {
      // What holds each child back (its own figures; at most a few dozen children at any level).
      const child = c.accepted || !c.has_work ? null : await q.region(db, c.code);
      return { code: c.code, name: c.name, level: c.level, hasWork: c.has_work, accepted: c.accepted, blockers: child ? (await facts(db, phase, child)).blockers : [] };
    })),
  };
}

export async function acceptPhase(db: Db, actor: Actor, phase: Phase, b: { regionCode: string; signedBy: string; statement?: string }) {
  const r = await regionInScope(db, actor, b.regionCode);
  if (r.scope_prefix !== actor.scopePrefix) throw new AppError('PHASE_NOT_YOURS', { region: r.name });
  if (await q.standing(db, phase, r.code)) throw new AppError('PHASE_ACCEPTED', { region: r.name, phase: PHASE_NAMES[phase].zh });
  const f = await facts(db, phase, r);
  if (f.blockers.length) throw new AppError('PHASE_BLOCKED', { region: r.name, phase: PHASE_NAMES[phase].zh, count: f.blockers.length }, { blockers: f.blockers });
  const signedBy = b.signedBy.trim();
  if (!signedBy) throw new AppError('REQUEST_INVALID', { detail: 'signedBy' });
  const id = await db.transaction().execute(async (trx) => {
    const aid = await q.insertAcceptance(trx, { phase, regionCode: r.code, signedBy, statement: (b.statement ?? '').trim(), figures: f.figures, userId: actor.id });
    if (!aid) throw new AppError('PHASE_ACCEPTED', { region: r.name, phase: PHASE_NAMES[phase].zh });
    await recordAudit(trx, actor, { action: 'phase.accept', entity: 'phase-acceptance', entityId: aid, regionCode: r.code, after: { phase, signedBy, figures: f.figures } });
    return aid;
  });
  await announce('supervision-figures'); // the supervision figures show the acceptance at once
  return { id, ...(await phaseStatus(db, actor, phase, r.code)) };
}

export async function revokePhase(db: Db, actor: Actor, phase: Phase, b: { regionCode: string; reason: string }) {
  const r = await regionInScope(db, actor, b.regionCode);
  if (r.scope_prefix === actor.scopePrefix) throw new AppError('PHASE_NOT_YOURS', { region: r.name });
  const reason = b.reason.trim();
  if (!reason) throw new AppError('REVIEW_REASON_REQUIRED');
  const parent = r.parent_code ? await q.region(db, r.parent_code) : undefined;
  if (parent && (await q.standing(db, phase, parent.code))) throw new AppError('PHASE_PARENT_ACCEPTED', { parent: parent.name });
  await db.transaction().execute(async (trx) => {
    if (!(await q.revoke(trx, phase, r.code, reason, actor.id))) throw new AppError('PHASE_NOT_ACCEPTED', { region: r.name, phase: PHASE_NAMES[phase].zh });
    await recordAudit(trx, actor, { action: 'phase.revoke', entity: 'region', entityId: r.code, regionCode: r.code, after: { phase, reason } });
  });
  await announce('supervision-figures');
  return phaseStatus(db, actor, phase, r.code);
}
