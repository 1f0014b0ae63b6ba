import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { SourceInfo } from '../../../../../src/domains/survey/engine/index.ts';
import { useLiveVerdict } from '../../survey/hooks/use-live-verdict.ts';
import { emptyFill, fillReducer, initialFillState, type FormFill } from '../../survey/utils/fill-state.ts';
import type { LocalSubmission } from '../types.ts';
import { latestVersion } from '../utils/survey-source.ts';
import { saveSurveyDraft, submitSurvey } from '../utils/survey-store.ts';

const SAVE_DELAY = 400;

const fillOf = (s: LocalSubmission): FormFill => ({ form: s.form, version: s.version, answers: s.answers, explanations: s.explanations });
/** What the server last said of a copy: when it changes, the sync may have replaced the answers. */
const serverMark = (s: LocalSubmission) => `${s.id}|${s.baseRev}|${s.serverStatus}|${s.review?.at ?? ''}`;
const json = (v: unknown) => JSON.stringify(v ?? null);

/**
 * The survey forms of one unit as the taker fills them: the console's reducer, started once from
 * the device's copies; every change saved to the device a moment after the last keystroke (and at
 * once when the page closes); the live verdict over the forms begun.
 */
export function useSurveyFill(unitKey: string, packageId: number, source: SourceInfo | null, stored: LocalSubmission[], current: string | null) {
  const [state, dispatch] = useReducer(fillReducer, undefined, () => initialFillState(stored.map(fillOf)));
  // What the device holds of each form: a change is saved when the form on screen differs from it.
  const saved = useRef<Record<string, FormFill>>({ ...state.forms });
  const latest = useRef(state.forms);
  latest.current = state.forms;

  // A copy the sync replaced with the server's (a form returned, not edited here) is shown as the
  // server has it, even while its page is open; an edit made here is never overwritten.
  const seen = useRef(new Map(stored.map((s) => [s.form, serverMark(s)])));
  useEffect(() => {
    for (const s of stored) {
      const mark = serverMark(s);
      if (seen.current.get(s.form) === mark) continue;
      seen.current.set(s.form, mark);
      if (s.edited !== false) continue;
      const cur = latest.current[s.form];
      if (cur && cur.version === s.version && json(cur.answers) === json(s.answers) && json(cur.explanations) === json(s.explanations)) continue;
      const fill = fillOf(s);
      saved.current[s.form] = fill;
      dispatch({ type: 'load', fill });
    }
  }, [stored]);

  // A form opened for the first time starts empty.
  useEffect(() => {
    if (!current || state.forms[current]) return;
    const version = latestVersion(current);
    if (version !== null) dispatch({ type: 'load', fill: emptyFill(current, version) });
  }, [current, state.forms]);

  const flush = useCallback(async () => {
    const forms = latest.current;
    for (const [code, fill] of Object.entries(forms)) {
      if (saved.current[code] === fill) continue;
      if (!saved.current[code] && Object.keys(fill.answers).length === 0 && Object.keys(fill.explanations).length === 0) continue; // opened, nothing typed
      saved.current[code] = fill;
      await saveSurveyDraft({ unitKey, packageId, ...fill });
    }
  }, [unitKey, packageId]);

  useEffect(() => {
    const timer = setTimeout(() => void flush(), SAVE_DELAY);
    return () => clearTimeout(timer);
  }, [state.forms, flush]);
  // Leaving the page (back, another tab) saves what is still waiting.
  useEffect(() => () => void flush(), [flush]);

  const submit = useCallback(
    async (code: string) => {
      await flush();
      const fill = latest.current[code];
      saved.current[code] = fill;
      return submitSurvey({ unitKey, packageId, ...fill });
    },
    [flush, unitKey, packageId],
  );

  const begun = useMemo(() => {
    const out: Record<string, FormFill> = {};
    for (const [code, fill] of Object.entries(state.forms)) {
      if (code === current || Object.keys(fill.answers).length > 0) out[code] = fill;
    }
    return out;
  }, [state.forms, current]);
  const verdict = useLiveVerdict(source, begun, true);
  return { state, dispatch, verdict, submit };
}
