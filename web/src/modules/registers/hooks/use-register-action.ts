import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { RegisterImport } from '../../../api/types.ts';
import { registerKeys } from '../utils/register-keys.ts';

/** Re-import a failed or cancelled register, or delete one; either way the list is re-read. */
export function useRegisterAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'reimport' | 'delete' }): Promise<RegisterImport | void> =>
      action === 'reimport' ? api.post<RegisterImport>(`/api/v1/registers/${id}/reimport`) : api.delete(`/api/v1/registers/${id}`),
    onSettled: (_data, _err, { action }) => {
      void qc.invalidateQueries({ queryKey: registerKeys.all });
      if (action === 'reimport') void qc.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
}
