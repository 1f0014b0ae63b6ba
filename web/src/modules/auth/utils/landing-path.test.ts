import { describe, expect, it } from 'vitest';
import type { Session } from '../../../api/types.ts';
import { landingPath, ownSurveyPath } from './landing-path.ts';

const session = (o: Partial<Session>): Session => ({
  username: 'u', role: 'regional-office', regionCode: '330382', regionName: '乐清市', displayName: 'u', department: null, agencyId: null, csrfToken: '', permissions: [], ...o,
});

describe('where a user lands', () => {
  it("sends a respondent to its own source's survey, from the session", () => {
    expect(ownSurveyPath(session({ role: 'respondent', sourceId: 42 }))).toBe('/survey/sources/42');
    expect(landingPath(session({ role: 'respondent', sourceId: 42 }), 1600)).toBe('/survey/sources/42');
    // No source linked (or an older server that does not say): the home page.
    expect(ownSurveyPath(session({ role: 'respondent', sourceId: null }))).toBeNull();
    expect(landingPath(session({ role: 'respondent' }), 1600)).toBe('/');
    expect(ownSurveyPath(session({ role: 'regional-office', sourceId: 42 }))).toBeNull();
  });

  it('sends field workers on a phone to the field app', () => {
    expect(landingPath(session({ role: 'enumerator' }), 400)).toBe('/field');
    expect(landingPath(session({ role: 'enumerator' }), 1600)).toBe('/');
    expect(landingPath(session({ role: 'regional-office' }), 400)).toBe('/');
  });
});
