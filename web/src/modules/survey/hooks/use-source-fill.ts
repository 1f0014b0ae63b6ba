import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { SourceSurvey, SubmissionDetail } from '../../../api/survey-types.ts';
import { CATALOGUE } from '../../../../../src/domains/survey/forms/index.ts';
import { emptyFill, fillReducer, initialFillState } from '../utils/fill-state.ts';
import { sourceInfo } from '../utils/source-info.ts';
import { useLiveVerdict } from './use-live-verdict.ts';
import { useSubmissions } from './use-source-survey.ts';

const DEFINED = new Set(CATALOGUE.filter((e) => e.defined).map((e) => e.code));

/**
 * The fill state of a source's forms: each fillable form starts from its stored submission (or
 * empty), once; later reads of the server never overwrite what is being typed — a reload after
 * a conflict goes through dispatch({type: 'load'}).
 */
export function useSourceFill(survey: SourceSurvey | undefined) {
  const fillable = useMemo(() => (survey?.forms ?? []).filter((f) => f.status !== 'not-required' && DEFINED.has(f.code)), [survey]);
  const ids = fillable.map((f) => f.submission?.id).filter((x): x is string => !!x);
  const subs = useSubmissions(ids);
  const [state, dispatch] = useReducer(fillReducer, undefined, () => initialFillState());
  const loaded = useRef(new Set<string>());
  const byId = new Map<string, SubmissionDetail>();
  for (const q of subs) if (q.data) byId.set(q.data.id, q.data);
  const pending = subs.some((q) => q.isPending);
  const failed = subs.find((q) => q.error)?.error ?? null;

  useEffect(() => {
    if (pending) return;
    for (const f of fillable) {
      if (loaded.current.has(f.code)) continue;
      const stored = f.submission ? byId.get(f.submission.id) : undefined;
      loaded.current.add(f.code);
      dispatch({
        type: 'load',
        fill: stored ? { form: f.code, version: stored.version, answers: stored.answers ?? {}, explanations: stored.explanations ?? {} } : emptyFill(f.code, f.version),
      });
    }
    // byId is rebuilt each render from the queries; `pending` and `fillable` say when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending, fillable]);

  const source = useMemo(() => (survey ? sourceInfo(survey.source) : null), [survey]);
  // Ready once every fillable form is in hand; a later refetch (after a save) does not unready it.
  const ready = !!survey && fillable.every((f) => state.forms[f.code]);
  const verdict = useLiveVerdict(ready ? source : null, state.forms, true);
  return { state, dispatch, verdict, fillable, loading: !ready, error: failed, source };
}
