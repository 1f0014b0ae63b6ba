// Reads and writes of the associated radioactive mines (伴生放射性矿).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fileForm, withQuery } from '../../../api/client.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import {
  RAD, radioKeys,
  type Enterprise, type EnterpriseDetail, type EnterpriseFilters, type ListBody, type Measurement, type MeasurementBody,
  type Mineral, type QaIssue, type RadioFile, type RadioProgress, type Reconcile,
} from '../utils/radioactive-api.ts';

export function useMinerals() {
  return useQuery({ queryKey: radioKeys.minerals, queryFn: () => api.get<{ items: Mineral[] }>(`${RAD}/minerals`), staleTime: 60_000 });
}

export function useEnterprises(filters: EnterpriseFilters) {
  return useCursorList<Enterprise>(radioKeys.enterprises, `${RAD}/enterprises`, { ...filters, limit: 50 });
}

export function useEnterprise(id: number) {
  return useQuery({ queryKey: radioKeys.enterprise(id), queryFn: () => api.get<EnterpriseDetail>(`${RAD}/enterprises/${id}`), enabled: id > 0 });
}

export function useReconcile(region: string) {
  return useQuery({ queryKey: radioKeys.reconcile(region), queryFn: () => api.get<Reconcile>(withQuery(`${RAD}/reconcile`, { region })), placeholderData: keepPreviousData });
}

export function useRadioProgress(region: string) {
  return useQuery({ queryKey: radioKeys.progress(region), queryFn: () => api.get<RadioProgress>(withQuery(`${RAD}/progress`, { region })), placeholderData: keepPreviousData });
}

export function useQa(region: string) {
  return useQuery({ queryKey: radioKeys.qa(region), queryFn: () => api.get<{ issues: QaIssue[] }>(withQuery(`${RAD}/qa`, { region })), placeholderData: keepPreviousData });
}

/** Every list, page and count may change after a write: the module's reads are all refreshed. */
function useInvalidateAll() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: radioKeys.all });
}

export function useListEnterprise() {
  const done = useInvalidateAll();
  return useMutation({ mutationFn: (body: ListBody) => api.post<Enterprise>(`${RAD}/enterprises`, body), onSuccess: done });
}

/** Takes an enterprise off the list; `leave` moves away from its page first, so nothing reads it again (a 404). */
export function useUnlist(leave: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (e: { id: number; version: number }) => api.delete(withQuery(`${RAD}/enterprises/${e.id}`, { version: e.version })),
    onSuccess: (_, e) => {
      leave();
      const gone = radioKeys.enterprise(e.id);
      void qc.invalidateQueries({ queryKey: radioKeys.all, predicate: (q) => q.queryKey.join('|') !== gone.join('|') });
    },
  });
}

export function useAddMeasurement(id: number) {
  const done = useInvalidateAll();
  return useMutation({
    mutationFn: (body: MeasurementBody) => api.post<{ measurement: Measurement; enterprise: Enterprise }>(`${RAD}/enterprises/${id}/measurements`, body),
    onSuccess: done,
  });
}

export function useDetailedDone(id: number) {
  const done = useInvalidateAll();
  return useMutation({ mutationFn: (b: { version: number; note: string }) => api.post<Enterprise>(`${RAD}/enterprises/${id}/detailed`, b), onSuccess: done });
}

export function useUploadRecord() {
  const done = useInvalidateAll();
  return useMutation({
    mutationFn: (v: { measurementId: number; file: File }) => api.upload<RadioFile>(`${RAD}/measurements/${v.measurementId}/files`, fileForm('file', v.file)),
    onSuccess: done,
  });
}

export function useSaveMinerals() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: Mineral[]) => api.put<{ items: Mineral[] }>(`${RAD}/minerals`, { items }),
    onSuccess: (data) => {
      if (data?.items) qc.setQueryData(radioKeys.minerals, data);
      void qc.invalidateQueries({ queryKey: radioKeys.minerals });
    },
  });
}
