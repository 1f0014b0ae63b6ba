import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Source, SourceEdit } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

/** 修改: a source's details by hand. The directory is re-read either way, so after a 409 the drawer shows the current version. */
export function useEditSource(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SourceEdit) => api.patch<Source>(`/api/v1/sources/${id}`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}
