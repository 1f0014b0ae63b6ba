import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../api/client.ts';
import type { Session } from '../../../api/types.ts';
import { SESSION_KEY } from './use-session-query.ts';

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Session>('/api/v1/session', body),
    onSuccess: (s) => {
      // Nothing cached from an earlier session may leak into this one.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      setCsrfToken(s.csrfToken);
      qc.setQueryData(SESSION_KEY, s);
    },
  });
}
