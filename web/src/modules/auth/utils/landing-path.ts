import type { Session } from '../../../api/types.ts';

export const NARROW_SCREEN = 768;

/** A respondent's own source's survey page, from the session (null for other roles, or a respondent with no source linked). */
export function ownSurveyPath(session: Pick<Session, 'role' | 'sourceId'>): string | null {
  return session.role === 'respondent' && session.sourceId ? `/survey/sources/${session.sourceId}` : null;
}

/** Where a freshly logged-in user starts: a respondent at its source's forms, field workers on a phone in the field app. */
export function landingPath(session: Session, width: number = window.innerWidth): string {
  const own = ownSurveyPath(session);
  if (own) return own;
  const fieldRole = session.role === 'enumerator' || session.role === 'instructor';
  return fieldRole && width < NARROW_SCREEN ? '/field' : '/';
}
