import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CandidateStatus, MergeOutcome } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

export type Decision = 'merge' | 'apart' | 'later';

export type DecisionInput = { id: number; decision: Decision; keep?: number };

export type DecisionOutcome = { decision: 'merge'; merge: MergeOutcome } | { decision: 'apart' | 'later'; status: CandidateStatus };

/** One decision on a queued pair. */
export function decide({ id, decision, keep }: DecisionInput): Promise<DecisionOutcome> {
  const path = `/api/v1/directory/candidates/${id}/${decision}`;
  if (decision === 'merge') {
    return api.post<MergeOutcome>(path, keep === undefined ? {} : { keep }).then((merge) => ({ decision, merge }));
  }
  return api.post<{ status: CandidateStatus }>(path).then((r) => ({ decision, status: r.status }));
}

/** Merge, keep apart or put off one pair; the whole directory is re-read after, since sources change too. */
export function useCandidateAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSettled: () => void qc.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}
