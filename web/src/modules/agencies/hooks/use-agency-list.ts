import type { Agency } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { agencyKeys } from '../utils/agency-keys.ts';

export function useAgencyList(q: string) {
  return useCursorList<Agency>(agencyKeys.list, '/api/v1/agencies', { q, limit: 50 });
}
