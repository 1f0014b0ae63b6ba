import type { Team, TeamKind } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { teamKeys } from '../utils/team-keys.ts';

export function useTeamList(filters: { region?: string; kind?: TeamKind }) {
  return useCursorList<Team>(teamKeys.list, '/api/v1/teams', { ...filters, limit: 50 });
}
