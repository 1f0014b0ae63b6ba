import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../api/client.ts';
import type { Agency, AgencyInput } from '../../../api/types.ts';
import { agencyKeys } from '../utils/agency-keys.ts';

/** Creates (no id) or edits (id and the row's version) an agency. */
export function useSaveAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: number; version?: number; body: AgencyInput }) =>
      id ? api.patch<Agency>(`/api/v1/agencies/${id}`, { ...body, version }) : api.post<Agency>('/api/v1/agencies', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: agencyKeys.all }),
    onError: (e) => {
      if (isApiError(e, 'VERSION_CONFLICT')) void qc.invalidateQueries({ queryKey: agencyKeys.all });
    },
  });
}
