import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { DeleteReason, Source } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

export type StateChange = { id: number; version: number } & ({ action: 'delete'; reason: DeleteReason } | { action: 'restore' });

/**
 * Delete (with a reason) or restore a source. Either way the directory is re-read,
 * so after a 409 VERSION_CONFLICT the drawer already shows the current version.
 */
export function useSourceState() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: StateChange) =>
      api.post<Source>(`/api/v1/sources/${c.id}/${c.action}`, c.action === 'delete' ? { version: c.version, reason: c.reason } : { version: c.version }),
    onSettled: () => void qc.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}
