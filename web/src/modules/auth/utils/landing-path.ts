import type { Session } from '../../../api/types.ts';

export const NARROW_SCREEN = 768;

/** Where a freshly logged-in user starts: field workers on a phone go to the field app. */
export function landingPath(session: Session, width: number = window.innerWidth): string {
  const fieldRole = session.role === 'enumerator' || session.role === 'instructor';
  return fieldRole && width < NARROW_SCREEN ? '/field' : '/';
}
