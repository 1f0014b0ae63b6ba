import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import { readRefusal } from './save-refusal.ts';

const err = (code: string, status: number, details?: unknown) => new ApiError(code, status, { zh: '拒绝', en: 'Refused' }, details);
const issue = { form: 'G101-1', path: 'industryCode', rule: 'field.code', severity: 'blocking' as const, message: { zh: '行业代码不在代码表中', en: 'Unknown industry code' } };

describe('a refused save, read from the API error', () => {
  it('finds the stored copy of a conflict in details.server', () => {
    const server = { id: 'a', sourceId: 1, form: 'G101-1', version: 1, rev: 3, status: 'draft', updatedAt: '2018-09-15T08:00:00Z', answers: { unitName: 'x' }, explanations: {}, verdict: { issues: [], summary: { ready: true, blocking: 0, warnings: 0, unexplained: 0 } } };
    expect(readRefusal(err('SURVEY_CONFLICT', 409, { server }), [])).toEqual({ kind: 'conflict', server });
    // A base named for an id the server does not hold: nothing to reload.
    expect(readRefusal(err('SURVEY_CONFLICT', 409, { server: null }), [])).toEqual({ kind: 'conflict-gone' });
  });

  it('takes the id to edit from a form already taken; locked and mismatched ids', () => {
    expect(readRefusal(err('SURVEY_FORM_TAKEN', 409, { id: 'b' }), [])).toEqual({ kind: 'taken', id: 'b' });
    expect(readRefusal(err('SURVEY_FORM_TAKEN', 409), [])).toEqual({ kind: 'other' });
    expect(readRefusal(err('SURVEY_LOCKED', 409), [])).toEqual({ kind: 'locked' });
    expect(readRefusal(err('SURVEY_ID_MISMATCH', 409), [])).toEqual({ kind: 'mismatch' });
  });

  it("reads a 422's issues from details.verdict and a 400's from details.issues, and says whether the page agrees", () => {
    expect(readRefusal(err('SURVEY_NOT_READY', 422, { verdict: { issues: [issue], summary: { ready: false, blocking: 1, warnings: 0, unexplained: 0 } } }), [])).toEqual({ kind: 'not-ready', issues: [issue], same: false });
    expect(readRefusal(err('SURVEY_NOT_READY', 422, { verdict: { issues: [issue] } }), [issue])).toMatchObject({ same: true });
    expect(readRefusal(err('SURVEY_INVALID', 400, { issues: [issue] }), [])).toEqual({ kind: 'invalid', issues: [issue], same: false });
    expect(readRefusal(err('SURVEY_INVALID', 400, { verdict: { issues: [issue] } }), [])).toMatchObject({ issues: [] });
  });

  it('leaves everything else to the general error toast', () => {
    expect(readRefusal(err('SURVEY_SOURCE_NOT_SURVEYED', 409), [])).toEqual({ kind: 'other' });
    expect(readRefusal(new Error('network'), [])).toEqual({ kind: 'other' });
  });
});
