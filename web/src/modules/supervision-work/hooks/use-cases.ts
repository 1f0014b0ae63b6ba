import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { SUP, supKeys, type Case, type CaseDetail, type NewCase, type SupFile } from '../utils/supervision-api.ts';

export interface CaseFilter { direction: 'issued' | 'received' | 'all'; status?: string; type?: string }

export function useCases(filter: CaseFilter) {
  return useQuery({ queryKey: supKeys.cases(filter), queryFn: () => api.get<{ items: Case[] }>(`${SUP}/cases`, { ...filter }).then((r) => r.items) });
}

export function useCase(id: number) {
  return useQuery({ queryKey: supKeys.case(id), queryFn: () => api.get<CaseDetail>(`${SUP}/cases/${id}`), enabled: id > 0 });
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCase) => api.post<Case>(`${SUP}/cases`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['supervision-work', 'cases'] }),
  });
}

export type CaseAction = 'answer' | 'close' | 'reopen' | 'escalate';

/** One of the case's actions; afterwards the case and the lists are read again (an escalation makes a new case). */
export function useCaseAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: CaseAction; body: Record<string, unknown> }) => api.post<Case>(`${SUP}/cases/${id}/${action}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: supKeys.case(id) });
      void qc.invalidateQueries({ queryKey: ['supervision-work', 'cases'] });
    },
  });
}

/** Uploads one evidence file under a client-made id (a retry of the same file keeps the id). */
export function uploadSupervisionFile(file: File, id: string): Promise<SupFile> {
  const form = new FormData();
  form.append('id', id);
  form.append('file', file, file.name);
  return api.upload<SupFile>(`${SUP}/files`, form);
}
