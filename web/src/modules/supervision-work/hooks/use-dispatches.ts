import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { SUP, supKeys, type Dispatch, type DispatchKind } from '../utils/supervision-api.ts';

export interface DispatchFilter { kind?: DispatchKind; status?: string }

/** The dispatches of the scope, newest as-of first (without their rows). */
export function useDispatches(filter: DispatchFilter) {
  return useQuery({ queryKey: supKeys.dispatches(filter), queryFn: () => api.get<{ items: Dispatch[] }>(`${SUP}/dispatches`, { ...filter }).then((r) => r.items) });
}

export function useDispatch(id: number) {
  return useQuery({ queryKey: supKeys.dispatch(id), queryFn: () => api.get<Dispatch>(`${SUP}/dispatches/${id}`), enabled: id > 0 });
}

export function useGenerateDispatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: DispatchKind; asOf: string }) => api.post<Dispatch>(`${SUP}/dispatches`, body),
    onSuccess: (d) => { qc.setQueryData(supKeys.dispatch(d.id), d); void qc.invalidateQueries({ queryKey: ['supervision-work', 'dispatches'] }); },
  });
}

/** Edit, regenerate and publish: each answers the dispatch as it now stands. */
export function useDispatchAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'patch' | 'regenerate' | 'publish'; body: Record<string, unknown> }) =>
      action === 'patch' ? api.patch<Dispatch>(`${SUP}/dispatches/${id}`, body) : api.post<Dispatch>(`${SUP}/dispatches/${id}/${action}`, body),
    onSuccess: (d) => { qc.setQueryData(supKeys.dispatch(id), d); void qc.invalidateQueries({ queryKey: ['supervision-work', 'dispatches'] }); },
  });
}
