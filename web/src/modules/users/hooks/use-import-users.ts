import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, fileForm } from '../../../api/client.ts';
import type { Job } from '../../../api/types.ts';

/** Posts one .xlsx (multipart field "file"); the answer is the job that creates the users. */
export function useImportUsers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<{ job: Job }>('/api/v1/users/import', fileForm('file', file)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
