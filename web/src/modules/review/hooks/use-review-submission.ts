import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ReviewBody, ReviewedSubmission, UnlockBody } from '../../../api/review-types.ts';
import { surveyKeys } from '../../survey/utils/survey-keys.ts';
import { reviewKeys } from '../utils/review-keys.ts';

/** One submission with its review state (GET /submissions/:id). */
export function useReviewSubmission(id: string) {
  return useQuery({
    queryKey: reviewKeys.submission(id),
    queryFn: () => api.get<ReviewedSubmission>(`/api/v1/submissions/${encodeURIComponent(id)}`),
    enabled: !!id,
  });
}

/** Approve, reject or unlock: the answer is the submission as it now stands, put in the cache at once. */
export function useReviewAction(id: string) {
  const qc = useQueryClient();
  const settle = (s: ReviewedSubmission) => {
    qc.setQueryData(reviewKeys.submission(id), s);
    void qc.invalidateQueries({ queryKey: ['review', 'queue'] });
    void qc.invalidateQueries({ queryKey: ['review', 'summary'] });
    void qc.invalidateQueries({ queryKey: surveyKeys.all });
  };
  const review = useMutation({
    mutationFn: (body: ReviewBody) => api.post<ReviewedSubmission>(`/api/v1/submissions/${encodeURIComponent(id)}/review`, body),
    onSuccess: settle,
  });
  const unlock = useMutation({
    mutationFn: (body: UnlockBody) => api.post<ReviewedSubmission>(`/api/v1/submissions/${encodeURIComponent(id)}/unlock`, body),
    onSuccess: settle,
  });
  return { review, unlock };
}
