import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { VerdictKind, VerdictOutcome } from '../../../api/inventory-types.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

export interface VerdictInput {
  sourceIds: number[];
  verdict: VerdictKind;
  reason?: string;
}

/** The caller's department agrees or disagrees on records, in one request. */
export function useVerdicts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: VerdictInput) => api.post<VerdictOutcome>(`${INV}/verdicts`, v),
    onSettled: () => void qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}
