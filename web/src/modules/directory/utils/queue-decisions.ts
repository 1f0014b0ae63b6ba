import type { CandidateStatus } from '../../../api/types.ts';
import type { Decision } from '../hooks/use-candidate-action.ts';

/**
 * What the server lets a reviewer do with a pair of each status: a pair kept apart
 * can only go back to "later" to be looked at again, and a merged pair is undone
 * through its merge, not here.
 */
export const DECISIONS: Record<CandidateStatus, readonly Decision[]> = {
  pending: ['merge', 'apart', 'later'],
  later: ['merge', 'apart'],
  apart: ['later'],
  merged: [],
};

/** The shortcut letter of each decision. */
export const DECISION_KEYS: Record<string, Decision> = { m: 'merge', a: 'apart', l: 'later' };
