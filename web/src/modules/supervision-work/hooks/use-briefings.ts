import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { SUP, supKeys, type Briefing, type BriefingBlock } from '../utils/supervision-api.ts';

export function useBriefings() {
  return useQuery({ queryKey: supKeys.briefings, queryFn: () => api.get<{ items: Briefing[] }>(`${SUP}/briefings`).then((r) => r.items) });
}

export function useBriefing(id: number) {
  return useQuery({ queryKey: supKeys.briefing(id), queryFn: () => api.get<Briefing>(`${SUP}/briefings/${id}`), enabled: id > 0 });
}

export function useCreateBriefing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; asOf: string; blocks: BriefingBlock[] }) => api.post<Briefing>(`${SUP}/briefings`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: supKeys.briefings }),
  });
}

export function useBriefingAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'patch' | 'publish'; body: Record<string, unknown> }) =>
      action === 'patch' ? api.patch<Briefing>(`${SUP}/briefings/${id}`, body) : api.post<Briefing>(`${SUP}/briefings/${id}/publish`, body),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: supKeys.briefing(id) }); void qc.invalidateQueries({ queryKey: supKeys.briefings }); },
  });
}
