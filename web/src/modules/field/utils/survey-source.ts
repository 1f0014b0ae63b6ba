// What the engine needs to know of a unit on the device, worked out offline as the server works
// it out (forms/source-kind.ts): its census category and kind, and which forms it fills.
import type { ApplicableForm, SourceInfo } from '../../../../../src/domains/survey/engine/index.ts';
import { censusEngine, FORMS } from '../../../../../src/domains/survey/forms/index.ts';
import { sourceKindOf } from '../../../../../src/domains/survey/forms/source-kind.ts';
import type { LocalUnit, OutboxEntry } from '../types.ts';

/** The directory's category and industry; a unit found in the field has only what the taker typed. */
export function unitSourceInfo(unit: LocalUnit, entry?: OutboxEntry): SourceInfo | null {
  const category = unit.source.category ?? entry?.item.data.category ?? null;
  const industryCode = unit.source.industryCode ?? entry?.item.data.industryCode ?? null;
  const k = category ? sourceKindOf(category, industryCode) : null;
  if (!k) return null;
  return industryCode ? { ...k, industryCode } : { ...k };
}

/** The latest defined version of a form (null: not defined yet). */
export function latestVersion(code: string): number | null {
  const versions = FORMS.filter((f) => f.code === code).map((f) => f.version);
  return versions.length ? Math.max(...versions) : null;
}

export interface FormEntry {
  code: string;
  status: ApplicableForm['status'] | 'not-required';
}

/**
 * The forms the unit fills, by the engine over the answers on the device (a boiler in G101-1
 * calls for G103-1): those defined that apply or may apply, then any begun that no longer applies.
 */
export function applicableForms(source: SourceInfo, answers: Record<string, Record<string, unknown>>): FormEntry[] {
  const out: FormEntry[] = censusEngine()
    .requiredForms(source, answers)
    .filter((f) => f.defined)
    .map((f) => ({ code: f.code, status: f.status }));
  for (const code of Object.keys(answers)) if (!out.some((f) => f.code === code)) out.push({ code, status: 'not-required' });
  return out;
}
