import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SourceSurvey, SubmissionDetail } from '../../../api/survey-types.ts';
import { surveyKeys } from '../utils/survey-keys.ts';

/** Which forms a source fills and what it has sent (GET /sources/:id/survey). */
export function useSourceSurvey(id: number) {
  return useQuery({
    queryKey: surveyKeys.source(id),
    queryFn: () => api.get<SourceSurvey>(`/api/v1/sources/${id}/survey`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The stored submissions (answers and explanations) of the forms the source has sent. */
export function useSubmissions(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: surveyKeys.submission(id),
      queryFn: () => api.get<SubmissionDetail>(`/api/v1/submissions/${id}`),
      staleTime: Infinity,
    })),
  });
}
