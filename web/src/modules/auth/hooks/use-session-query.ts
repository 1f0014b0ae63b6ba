import { useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../../api/client.ts';
import type { Session } from '../../../api/types.ts';
import { forgetFieldSession } from '../../field/utils/session-cache.ts';

export const SESSION_KEY = ['session'] as const;

/** The session, or null when nobody is logged in (401). Keeps the CSRF token current. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await api.get<Session>('/api/v1/session');
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken('');
      // The server says this session is over: the field app may no longer open offline with it.
      await forgetFieldSession();
      return null;
    }
    throw e;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}
