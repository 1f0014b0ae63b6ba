import type { CandidateStatus, MergeCandidate } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

/** The queued pairs of one status, 20 at a time. */
export function useCandidateList(status: CandidateStatus) {
  return useCursorList<MergeCandidate>(directoryKeys.candidates, '/api/v1/directory/candidates', { status, limit: 20 });
}
