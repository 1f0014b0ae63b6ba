import { useQuery } from '@tanstack/react-query';
import { cachedFieldSession, isFieldPath } from '../../field/utils/session-cache.ts';

/** The field app's cached session, read only when the server is unreachable on a field route. */
export function useOfflineFieldSession(unreachable: boolean, pathname: string) {
  return useQuery({
    queryKey: ['field-offline-session'],
    queryFn: cachedFieldSession,
    enabled: unreachable && isFieldPath(pathname),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
