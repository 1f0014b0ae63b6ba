import { useCallback, useContext } from 'react';
import type { Permission } from '../../../api/types.ts';
import { SessionContext } from '../contexts/session-context.ts';

/** can('users.write'): whether the server's policy lets this session do an action. */
export function useCan(): (permission: Permission) => boolean {
  const s = useContext(SessionContext);
  return useCallback((p: Permission) => !!s?.permissions.includes(p), [s]);
}
