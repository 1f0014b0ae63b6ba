import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../api/client.ts';
import type { User, UserPatch } from '../../../api/types.ts';
import { userKeys } from '../utils/user-keys.ts';

/** PATCH with the row's version; a 409 means the list is stale, so it is re-read. */
export function usePatchUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatch }) => api.patch<User>(`/api/v1/users/${id}`, patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
    onError: (e) => {
      if (isApiError(e, 'VERSION_CONFLICT')) void qc.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}
