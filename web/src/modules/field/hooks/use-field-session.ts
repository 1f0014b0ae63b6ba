import { useEffect } from 'react';
import type { Session } from '../../../api/types.ts';
import { setFieldUser } from '../utils/field-db.ts';
import { rememberFieldSession } from '../utils/session-cache.ts';

/**
 * Points the field database at this user (before any read: hence during render, it
 * is idempotent) and keeps a real session for opening the app offline next time.
 */
export function useFieldSession(session: Session) {
  setFieldUser(session.username);
  useEffect(() => {
    // A copy the app opened offline with has no token: never store that one back.
    if (session.csrfToken) void rememberFieldSession(session).catch(() => undefined);
  }, [session]);
}
