import { useMutation, useQueryClient } from '@tanstack/react-query';
import { directoryKeys } from '../utils/directory-keys.ts';
import { decide } from './use-candidate-action.ts';

export interface BulkOutcome {
  ok: number[];
  failed: { id: number; error: unknown }[];
}

/** Keeps apart or puts off many pairs, one request after another (the API has no bulk call). */
export function useBulkDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, decision }: { ids: number[]; decision: 'apart' | 'later' }): Promise<BulkOutcome> => {
      const out: BulkOutcome = { ok: [], failed: [] };
      for (const id of ids) {
        try {
          await decide({ id, decision });
          out.ok.push(id);
        } catch (error) {
          out.failed.push({ id, error });
        }
      }
      return out;
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}
