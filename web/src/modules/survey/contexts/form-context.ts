import { createContext, useContext, type ReactNode } from 'react';
import type { Lang } from '../../../api/client.ts';
import type { CompiledForm, EvalEnv, Row } from '../../../../../src/domains/survey/engine/index.ts';
import type { Answers, Explanations } from '../utils/answer-paths.ts';
import type { FormVerdict } from '../utils/verdict.ts';

/** What every field of the form being filled reaches: its answers, its verdict and the ways to change them. */
export interface FormContextValue {
  form: CompiledForm;
  answers: Answers;
  /** The engine's reading of the answers (coerced, irrelevant ones dropped, calculations filled). */
  values: Row;
  explanations: Explanations;
  verdict: FormVerdict;
  env: EvalEnv;
  lang: Lang;
  readOnly: boolean;
  /** A field (or a group: its rows) that may not change though the form may (a review unlock opened others). */
  fieldLocked?: (path: string) => boolean;
  /** Shown under a field's control, after its issues (a reviewer's comment, say). */
  fieldNote?: (path: string) => ReactNode;
  onAnswer: (path: string, value: unknown) => void;
  onAddRow: (path: string) => void;
  onRemoveRow: (path: string, index: number) => void;
  onExplain: (key: string, text: string) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const c = useContext(FormContext);
  if (!c) throw new Error('useFormContext outside a survey form');
  return c;
}
