import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SubmissionBody, SubmissionResult } from '../../../api/survey-types.ts';
import { surveyKeys } from '../utils/survey-keys.ts';

/** PUT /submissions/:id: a draft, or the form submitted. */
export function useSaveSubmission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SubmissionBody }) => api.put<SubmissionResult>(`/api/v1/submissions/${id}`, body),
    onSuccess: (res) => void qc.invalidateQueries({ queryKey: surveyKeys.source(res.sourceId) }),
  });
}
