import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../api/client.ts';
import type { Team, TeamInput } from '../../../api/types.ts';
import { teamKeys } from '../utils/team-keys.ts';

type Save = { id: number; version: number; body: Partial<TeamInput> & { disabled?: boolean } } | { id?: undefined; body: TeamInput };

/** Creates a team, or edits one with its version (members, when sent, replace the old ones). */
export function useSaveTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: Save) =>
      s.id ? api.patch<Team>(`/api/v1/teams/${s.id}`, { ...s.body, version: s.version }) : api.post<Team>('/api/v1/teams', s.body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: teamKeys.all }),
    onError: (e) => {
      if (isApiError(e, 'VERSION_CONFLICT')) void qc.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
}
