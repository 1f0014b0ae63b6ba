// 督办, pure: the case types, the escalation ladder, numbering, and who may act on a case.
import type { CaseStatus, CaseType } from '../../../core/db/schema.ts';

export const LADDER: readonly CaseType[] = ['reminder', 'letter', 'circular', 'summons', 'inspection'];
export const CASE_TYPES: readonly CaseType[] = [...LADDER, 'praise'];

export const CASE_NAMES: Record<CaseType, { zh: string; en: string; prefix: string }> = {
  reminder: { zh: '督办提醒', en: 'reminder', prefix: '提醒' },
  letter: { zh: '督办函', en: 'supervision letter', prefix: '督办' },
  circular: { zh: '通报', en: 'circular', prefix: '通报' },
  summons: { zh: '约谈', en: 'summons', prefix: '约谈' },
  inspection: { zh: '专项督查', en: 'special inspection', prefix: '督查' },
  praise: { zh: '表扬', en: 'praise', prefix: '表扬' },
};

/** The next rung above `t`; null at the top (and for praise). */
export function nextType(t: CaseType): CaseType | null {
  const i = LADDER.indexOf(t);
  return i < 0 || i === LADDER.length - 1 ? null : LADDER[i + 1]!;
}

/** An escalation must climb: the named type above the current one (default the next rung). */
export function escalationType(from: CaseType, wanted?: CaseType): CaseType | null {
  const next = nextType(from);
  if (!next) return null;
  if (!wanted) return next;
  return LADDER.indexOf(wanted) > LADDER.indexOf(from) ? wanted : null;
}

export function caseNumber(t: CaseType, year: number, n: number): string {
  return `${CASE_NAMES[t].prefix}〔${year}〕${n}号`;
}

export type CaseAction = 'answer' | 'close' | 'escalate' | 'reopen';

/** Which statuses each action leaves from. */
export const FROM: Record<CaseAction, readonly CaseStatus[]> = {
  answer: ['open'],
  close: ['open', 'answered'],
  escalate: ['open', 'answered'],
  reopen: ['answered'],
};

export interface Place { scopePrefix: string; code: string }

/** The issuer's side: its own office or any level above it. */
export function isIssuerSide(actor: Place, issuerScope: string): boolean {
  return issuerScope.startsWith(actor.scopePrefix);
}

/** The target's side: the target's own office, or a level between the target and the issuer. */
export function isTargetSide(actor: Place, targetScope: string, issuerScope: string): boolean {
  return targetScope.startsWith(actor.scopePrefix) && actor.scopePrefix.startsWith(issuerScope) && actor.scopePrefix !== issuerScope;
}

export function isOverdue(status: CaseStatus, dueOn: string | null, today: string): boolean {
  return status === 'open' && !!dueOn && dueOn < today;
}
