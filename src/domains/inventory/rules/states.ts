// The six inventory states (清查状态, "六色") and the departments of the joint
// review: pure checks of their configuration and of a state chosen in the field.
import { AppError } from '../../../core/errors.ts';

export interface StateDef {
  code: string;
  nameZh: string;
  nameEn: string;
  colour: string;
  toSurvey: boolean;
  reasons: string[];
  position: number;
}

export interface DepartmentDef {
  code: string;
  nameZh: string;
  nameEn: string;
  required: boolean;
  position: number;
}

/** Codes the system itself relies on: finds in the field are `added`; `deleted` carries the 删除 reasons. */
export const FIXED_STATES = ['added', 'deleted'] as const;
export const STATE_COUNT = 6;

/** Checks a whole new set of states; returns it ordered by position (1…6). */
export function checkStateSet(states: StateDef[]): StateDef[] {
  const bad = (detail: string) => new AppError('INVENTORY_STATES_INVALID', { detail });
  if (states.length !== STATE_COUNT) throw bad(`need exactly ${STATE_COUNT} states, got ${states.length}`);
  const codes = new Set(states.map((s) => s.code));
  if (codes.size !== states.length) throw bad('state codes repeat');
  for (const f of FIXED_STATES) if (!codes.has(f)) throw bad(`the state "${f}" must stay`);
  const colours = new Set(states.map((s) => s.colour.toLowerCase()));
  if (colours.size !== states.length) throw bad('two states share a colour; each needs its own');
  for (const s of states) {
    if (!/^#[0-9a-fA-F]{6}$/.test(s.colour)) throw bad(`colour ${s.colour} is not #rrggbb`);
    if (new Set(s.reasons).size !== s.reasons.length) throw bad(`reasons of ${s.code} repeat`);
  }
  const deleted = states.find((s) => s.code === 'deleted')!;
  if (deleted.toSurvey) throw bad('a deleted source cannot go on to the survey');
  if (!states.find((s) => s.code === 'added')!.toSurvey) throw bad('a source added in the field must go on to the survey');
  return [...states].sort((a, b) => a.position - b.position).map((s, i) => ({ ...s, colour: s.colour.toLowerCase(), position: i + 1 }));
}

export function checkDepartmentSet(deps: DepartmentDef[], known: readonly string[]): DepartmentDef[] {
  const bad = (detail: string) => new AppError('INVENTORY_DEPARTMENTS_INVALID', { detail });
  if (deps.length < 1 || deps.length > 12) throw bad('between 1 and 12 departments');
  if (new Set(deps.map((d) => d.code)).size !== deps.length) throw bad('department codes repeat');
  for (const d of deps) if (!known.includes(d.code)) throw bad(`unknown department ${d.code}`);
  if (!deps.some((d) => d.required)) throw bad('at least one department must be required to confirm a state');
  return [...deps].sort((a, b) => a.position - b.position).map((d, i) => ({ ...d, position: i + 1 }));
}

/** A state chosen for a record: known, and with one of its reasons when it has any. */
export function checkState(states: readonly StateDef[], code: string, reason: string | null | undefined): { state: string; reason: string | null } {
  const def = states.find((s) => s.code === code);
  if (!def) throw new AppError('INVENTORY_STATE_UNKNOWN', { state: code });
  if (def.reasons.length === 0) return { state: code, reason: null };
  if (!reason || !def.reasons.includes(reason)) throw new AppError('INVENTORY_STATE_REASON', { state: def.nameZh, reasons: def.reasons.join(', ') });
  return { state: code, reason };
}

export type Verdict = 'agree' | 'disagree';
export type Confirmation = 'pending' | 'confirmed' | 'disputed' | 'settled';

/**
 * 八部门联合审查: a record's state is confirmed when every required department
 * agrees; one disagreement (required or not) flags it for the county office. A
 * settled record stays settled: the office's ruling closes the dispute.
 */
export function confirmationOf(current: Confirmation, verdicts: ReadonlyArray<{ department: string; verdict: Verdict }>, required: readonly string[]): Confirmation {
  if (current === 'settled') return 'settled';
  if (verdicts.some((v) => v.verdict === 'disagree')) return 'disputed';
  const agreed = new Set(verdicts.filter((v) => v.verdict === 'agree').map((v) => v.department));
  return required.length > 0 && required.every((d) => agreed.has(d)) ? 'confirmed' : 'pending';
}
