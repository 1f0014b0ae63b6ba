import { useContext } from 'react';
import type { Session } from '../../../api/types.ts';
import { SessionContext } from '../contexts/session-context.ts';

/** The current session; only for components rendered behind RequireSession. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession() outside <RequireSession>');
  return s;
}
