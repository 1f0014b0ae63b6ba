// Pure rules of the survey's submissions: which forms a directory source fills, which of the
// engine's issues make a request malformed rather than merely incomplete, the content hash that
// makes a resend idempotent, and the readable diff between two revisions.
import { createHash } from 'node:crypto';
import { fileRefs, type FileRef, type Issue } from '../engine/index.ts';
import { FORMS } from '../forms/index.ts';

export { sourceKindOf } from '../forms/source-kind.ts';

export type Status = 'draft' | 'submitted' | 'returned' | 'approved' | 'locked';
/** Statuses the filler may still change; the review chain will own the others. */
export const EDITABLE: ReadonlySet<Status> = new Set(['draft', 'submitted', 'returned']);

/**
 * Issues that say the request itself is wrong (no such form or version, a value of the wrong
 * type, an unknown field, an oversized group, malformed explanations): the client has a bug or
 * is hostile, so nothing is stored, not even a draft. Everything else (required, ranges, rules)
 * is the ordinary state of a form being filled and is stored with the draft.
 */
const STRUCTURAL = new Set([
  'set.shape', 'set.source', 'set.too-many-forms', 'set.duplicate-form', 'set.wrong-kind',
  'form.unknown', 'form.not-defined', 'form.version',
  'answers.shape', 'answers.too-many-fields', 'field.unknown', 'field.type', 'group.max-rows',
  'explanations.shape', 'explanations.length',
]);
export const isStructural = (i: Pick<Issue, 'rule' | 'severity'>) => i.severity === 'blocking' && STRUCTURAL.has(i.rule);

export interface Summary { ready: boolean; blocking: number; warnings: number; unexplained: number }

/** The verdict of one form out of the set it was evaluated in. */
export function formVerdict(issues: Issue[], form: string): { issues: Issue[]; summary: Summary } {
  const mine = issues.filter((i) => i.form === form || i.form === '');
  let blocking = 0;
  let warnings = 0;
  let unexplained = 0;
  for (const i of mine) {
    if (i.severity === 'blocking') blocking++;
    else {
      warnings++;
      if (!i.explanation) unexplained++;
    }
  }
  return { issues: mine, summary: { ready: blocking === 0 && unexplained === 0, blocking, warnings, unexplained } };
}

/** JSON with object keys sorted, so equal content hashes equally whatever the key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function contentHash(c: { sourceId: number; form: string; version: number; status: string; answers: unknown; explanations: unknown }): string {
  return createHash('sha256').update(canonicalJson([c.sourceId, c.form, c.version, c.status, c.answers, c.explanations ?? {}])).digest('hex');
}

/** Explanations as stored: text only, trimmed, blank ones dropped (the engine reads them alike). */
export function cleanExplanations(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  return out;
}

export interface Change { path: string; before: unknown; after: unknown }

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
/** Points and file references are one answer each, not objects to descend into. */
const isLeafObject = (o: Record<string, unknown>) => ('lat' in o && 'lng' in o) || ('id' in o && 'type' in o) || ('from' in o && 'to' in o);

/** Leaf-by-leaf differences between two answer objects, with paths like `fuels[2].sulphur`. */
export function diffAnswers(before: unknown, after: unknown, path = '', out: Change[] = [], max = 2000): Change[] {
  if (out.length >= max) return out;
  if (Array.isArray(before) && Array.isArray(after) && !isFileList(before) && !isFileList(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) diffAnswers(before[i], after[i], `${path}[${i}]`, out, max);
    return out;
  }
  if (isObj(before) && isObj(after) && !isLeafObject(before) && !isLeafObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) diffAnswers(before[k], after[k], path ? `${path}.${k}` : k, out, max);
    return out;
  }
  if (canonicalJson(before ?? null) !== canonicalJson(after ?? null)) out.push({ path, before: before ?? null, after: after ?? null });
  return out;
}
const isFileList = (a: unknown[]) => a.length > 0 && a.every((x) => isObj(x) && 'id' in x && 'type' in x);

const DEFINITIONS = new Map(FORMS.map((f) => [`${f.code}@${f.version}`, f]));
/** The files a submission's answers reference; none for an unknown form or version (the engine refuses it). */
export function referencedFiles(form: string, version: number, answers: unknown): FileRef[] {
  const def = DEFINITIONS.get(`${form}@${version}`);
  return def ? fileRefs(def.fields, answers) : [];
}
