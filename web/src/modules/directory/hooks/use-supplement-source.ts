import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Source, SourceSupplement } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

/** 增补: a source known locally or found in the field but on no register. */
export function useSupplementSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SourceSupplement) => api.post<Source>('/api/v1/sources', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: directoryKeys.sources }),
  });
}
