// The last session of the field app, kept on the device so that an enumerator can
// open the app with no signal. Only for users who may work in the field, never with
// its CSRF token (stale by then anyway), dropped on logout and when the server says
// the session is gone. Coming online, the app re-reads the real session first.
import type { Session } from '../../../api/types.ts';
import { dropValue, loadValue, storeValue } from './field-db.ts';

const KEY = 'last-session';

export function mayWorkOffline(s: Session): boolean {
  return s.permissions.includes('inventory.field');
}

export async function rememberFieldSession(s: Session): Promise<void> {
  if (!mayWorkOffline(s)) return;
  await storeValue(KEY, { ...s, csrfToken: '' });
}

export async function cachedFieldSession(): Promise<Session | null> {
  try {
    const s = await loadValue<Session>(KEY);
    return s && mayWorkOffline(s) ? s : null;
  } catch {
    return null; // no IndexedDB (private mode): no offline opening
  }
}

export function forgetFieldSession(): Promise<void> {
  return dropValue(KEY).catch(() => undefined);
}

/** The field app's routes (the router's basename already removed). */
export function isFieldPath(pathname: string): boolean {
  return pathname === '/field' || pathname.startsWith('/field/');
}
