import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ChainLevel, ChainLevelRow } from '../../../api/review-types.ts';
import { REVIEW, reviewKeys } from '../utils/review-keys.ts';

interface Chain {
  levels: ChainLevelRow[];
}

export function useReviewChain() {
  return useQuery({ queryKey: reviewKeys.chain, queryFn: () => api.get<Chain>(`${REVIEW}/chain`) });
}

export function useSaveChain() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (levels: { code: ChainLevel; enabled: boolean }[]) => api.put<Chain>(`${REVIEW}/chain`, { levels }),
    onSuccess: (c) => {
      qc.setQueryData(reviewKeys.chain, c);
      void qc.invalidateQueries({ queryKey: reviewKeys.all });
    },
  });
}
