import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Acceptance, Phase, PhaseView } from '../../../api/review-types.ts';
import { REVIEW, reviewKeys } from '../utils/review-keys.ts';

/** A phase's acceptance in a region (the caller's own when none is named). */
export function usePhase(phase: Phase, region: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.phase(phase, region),
    queryFn: () => api.get<PhaseView>(`${REVIEW}/phases/${phase}`, { region }),
  });
}

export function usePhaseActions(phase: Phase) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['review', 'phase', phase] });
  const accept = useMutation({
    mutationFn: (body: { regionCode: string; signedBy: string; statement?: string }) => api.post<Acceptance>(`${REVIEW}/phases/${phase}/accept`, body),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (body: { regionCode: string; reason: string }) => api.post<unknown>(`${REVIEW}/phases/${phase}/revoke`, body),
    onSuccess: refresh,
  });
  return { accept, revoke };
}
