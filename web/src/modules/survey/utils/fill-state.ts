// What a person filling a source's forms has in hand: for each form its version, answers and
// explanations, changed only through this reducer (pure, so it is tested without React).
import { addRow, removeRow, setAt, shiftExplanations, type Answers, type Explanations } from './answer-paths.ts';

export interface FormFill {
  form: string;
  version: number;
  answers: Answers;
  explanations: Explanations;
}

export interface FillState {
  forms: Record<string, FormFill>;
  /** Forms changed since they were loaded or saved. */
  dirty: Record<string, boolean>;
}

export type FillAction =
  | { type: 'answer'; form: string; path: string; value: unknown }
  | { type: 'add-row'; form: string; path: string }
  | { type: 'remove-row'; form: string; path: string; index: number }
  | { type: 'explain'; form: string; key: string; text: string }
  /** Replaces one form (loaded from the server, or reloaded after a conflict); it is then clean. */
  | { type: 'load'; fill: FormFill }
  /** Replaces every form (the example set, a reset). */
  | { type: 'reset'; fills: FormFill[] }
  | { type: 'saved'; form: string };

export const emptyFill = (form: string, version: number): FormFill => ({ form, version, answers: {}, explanations: {} });

export function initialFillState(fills: FormFill[] = []): FillState {
  return { forms: Object.fromEntries(fills.map((f) => [f.form, f])), dirty: {} };
}

function change(state: FillState, form: string, fn: (f: FormFill) => FormFill): FillState {
  const f = state.forms[form];
  if (!f) return state;
  const next = fn(f);
  if (next === f) return state;
  return { forms: { ...state.forms, [form]: next }, dirty: { ...state.dirty, [form]: true } };
}

export function fillReducer(state: FillState, action: FillAction): FillState {
  switch (action.type) {
    case 'answer':
      return change(state, action.form, (f) => ({ ...f, answers: setAt(f.answers, action.path, action.value) }));
    case 'add-row':
      return change(state, action.form, (f) => ({ ...f, answers: addRow(f.answers, action.path) }));
    case 'remove-row':
      return change(state, action.form, (f) => ({
        ...f,
        answers: removeRow(f.answers, action.path, action.index),
        explanations: shiftExplanations(f.explanations, action.path, action.index),
      }));
    case 'explain':
      return change(state, action.form, (f) => {
        const explanations = { ...f.explanations };
        if (action.text.trim()) explanations[action.key] = action.text;
        else delete explanations[action.key];
        return { ...f, explanations };
      });
    case 'load': {
      const dirty = { ...state.dirty };
      delete dirty[action.fill.form];
      return { forms: { ...state.forms, [action.fill.form]: action.fill }, dirty };
    }
    case 'reset':
      return initialFillState(action.fills);
    case 'saved': {
      const dirty = { ...state.dirty };
      delete dirty[action.form];
      return { ...state, dirty };
    }
  }
}
