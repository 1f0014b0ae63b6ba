import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { SourceSurvey, SubmissionDetail, SubmissionStatus } from '../../../api/survey-types.ts';
import { emptyFill, fillReducer, initialFillState, type FormFill } from '../utils/fill-state.ts';
import { sourceInfo, submissionId } from '../utils/source-info.ts';
import { useLiveVerdict } from './use-live-verdict.ts';
import { useSubmissions } from './use-source-survey.ts';

/** The server's copy a form on screen was loaded from or last saved as: the next save names its rev as `baseRev`. */
export interface Stored {
  id: string;
  rev: number | null;
  status: SubmissionStatus | null;
}

/**
 * The fill state of a source's forms: each fillable form starts from its stored submission (or
 * empty), once; later reads of the server never overwrite what is being typed — a reload after
 * a conflict goes through `reload`. The base of each form (id, rev) is the copy it was loaded
 * from or last saved as, never a later read of the list, so a save over someone else's newer
 * revision is refused by the server, not written over it.
 */
export function useSourceFill(survey: SourceSurvey | undefined, requested: string | null) {
  const sourceId = survey?.source.id ?? 0;
  const fillable = useMemo(() => (survey?.forms ?? []).filter((f) => f.status !== 'not-required' && f.defined && f.version !== null), [survey]);
  // The form on screen: the one asked for, else the first required, else the first.
  const current = (requested && fillable.some((f) => f.code === requested) ? requested : undefined) ?? fillable.find((f) => f.status === 'required')?.code ?? fillable[0]?.code;
  const ids = fillable.map((f) => f.submission?.id).filter((x): x is string => !!x);
  const subs = useSubmissions(ids);
  const [state, dispatch] = useReducer(fillReducer, undefined, () => initialFillState());
  const [bases, setBases] = useState<Record<string, Stored>>({});
  const loaded = useRef(new Set<string>());
  const byId = new Map<string, SubmissionDetail>();
  for (const q of subs) if (q.data) byId.set(q.data.id, q.data);
  const pending = subs.some((q) => q.isPending);
  const failed = subs.find((q) => q.error)?.error ?? null;

  useEffect(() => {
    if (pending) return;
    const next: Record<string, Stored> = {};
    for (const f of fillable) {
      if (loaded.current.has(f.code)) continue;
      const stored = f.submission ? byId.get(f.submission.id) : undefined;
      loaded.current.add(f.code);
      dispatch({
        type: 'load',
        fill: stored ? { form: f.code, version: stored.version, answers: stored.answers ?? {}, explanations: stored.explanations ?? {} } : emptyFill(f.code, f.version!),
      });
      next[f.code] = stored ? { id: stored.id, rev: stored.rev, status: stored.status } : { id: submissionId(sourceId, f.code, null), rev: null, status: null };
    }
    if (Object.keys(next).length) setBases((prev) => ({ ...prev, ...next }));
    // byId is rebuilt each render from the queries; `pending` and `fillable` say when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending, fillable, sourceId]);

  /** A save went through (clean), or the user keeps editing over the server's revision (not clean). */
  const saved = useCallback((form: string, s: Stored, clean: boolean) => {
    setBases((prev) => ({ ...prev, [form]: s }));
    if (clean) dispatch({ type: 'saved', form });
  }, []);
  /** The server's copy replaces what is on screen (after a conflict). */
  const reload = useCallback((d: Pick<SubmissionDetail, 'id' | 'form' | 'version' | 'rev' | 'status' | 'answers' | 'explanations'>) => {
    dispatch({ type: 'load', fill: { form: d.form, version: d.version, answers: d.answers ?? {}, explanations: d.explanations ?? {} } });
    setBases((prev) => ({ ...prev, [d.form]: { id: d.id, rev: d.rev, status: d.status } }));
  }, []);

  const source = useMemo(() => (survey ? sourceInfo(survey.source) : null), [survey]);
  // Ready once every fillable form is in hand; a later refetch (after a save) does not unready it.
  const ready = !!survey && fillable.every((f) => state.forms[f.code] && bases[f.code]);
  // The engine reads the forms begun (stored, typed into, or on screen), as the server reads the
  // stored ones: empty forms not yet opened would only flood the list with "required".
  const begun = useMemo(() => {
    const out: Record<string, FormFill> = {};
    for (const [code, fill] of Object.entries(state.forms)) {
      if (code === current || bases[code]?.rev != null || Object.keys(fill.answers).length > 0) out[code] = fill;
    }
    return out;
  }, [state.forms, bases, current]);
  const verdict = useLiveVerdict(ready ? source : null, begun, true);
  return { state, dispatch, verdict, fillable, current, bases, saved, reload, loading: !ready, error: failed, source };
}
