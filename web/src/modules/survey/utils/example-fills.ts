// The practice page's data: the example enterprise's forms (src/domains/survey/forms/example-set.ts)
// as fills, so an office can train on a consistent set and break it one thing at a time.
import { exampleEnterprise } from '../../../../../src/domains/survey/forms/example-set.ts';
import type { SourceInfo } from '../../../../../src/domains/survey/engine/index.ts';
import type { FormFill } from './fill-state.ts';

const example = exampleEnterprise();

export const EXAMPLE_SOURCE: SourceInfo = example.source;

/** A fresh copy each time (a reset starts again from the example). */
export function exampleFills(): FormFill[] {
  return example.forms.map((f) => ({
    form: f.form,
    version: f.version,
    answers: structuredClone(f.answers) as Record<string, unknown>,
    explanations: {},
  }));
}

export const EXAMPLE_CODES: string[] = example.forms.map((f) => f.form);
