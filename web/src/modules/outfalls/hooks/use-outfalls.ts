// Reads and writes of the outfall survey; every write re-reads the outfall pages' data.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fileForm, type UploadOptions } from '../../../api/client.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import {
  listQuery, OUT, outfallKeys,
  type ImportResult, type MarkBody, type Outfall, type OutfallFilters, type OutfallImage, type OutfallItem, type Progress, type Reach, type ReachBody, type VerifyBody,
} from '../utils/outfalls-api.ts';

export function useOutfallList(filters: OutfallFilters) {
  return useCursorList<OutfallItem>(outfallKeys.list, OUT, { ...listQuery(filters), limit: 200 });
}

export function useOutfall(id: number) {
  return useQuery({ queryKey: outfallKeys.one(id), queryFn: () => api.get<Outfall>(`${OUT}/${id}`), enabled: Number.isInteger(id) && id > 0 });
}

export function useReaches(region = '') {
  return useQuery({ queryKey: outfallKeys.reaches(region), queryFn: () => api.get<{ items: Reach[] }>(`${OUT}/reaches`, { region }), placeholderData: keepPreviousData });
}

export function useImages(reach: number | undefined, region = '') {
  return useQuery({ queryKey: outfallKeys.images(reach, region), queryFn: () => api.get<{ items: OutfallImage[] }>(`${OUT}/images`, { reach, region }) });
}

export function useImage(id: number | undefined) {
  return useQuery({ queryKey: outfallKeys.image(id ?? 0), queryFn: () => api.get<OutfallImage>(`${OUT}/images/${id}`), enabled: !!id });
}

export function useOutfallProgress(region = '') {
  return useQuery({ queryKey: outfallKeys.progress(region), queryFn: () => api.get<Progress>(`${OUT}/progress`, { region }), placeholderData: keepPreviousData });
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void qc.invalidateQueries({ queryKey: outfallKeys.all }) });
}

export function useSaveReach() {
  return useInvalidating((v: { id?: number; version?: number; body: ReachBody }) =>
    v.id ? api.patch<Reach>(`${OUT}/reaches/${v.id}`, { ...v.body, version: v.version }) : api.post<Reach>(`${OUT}/reaches`, v.body));
}

export function useMarkSuspect() {
  return useInvalidating((body: MarkBody) => api.post<Outfall>(OUT, body));
}

export function useVerify() {
  return useInvalidating((v: { id: number; body: VerifyBody }) => api.post<Outfall>(`${OUT}/${v.id}/verify`, v.body));
}

/** One image up; not invalidating per file — the uploader refreshes once when all are done. */
export function uploadImage(file: File, reachId: number | undefined, kind: 'drone' | 'satellite', options?: UploadOptions) {
  const form = new FormData();
  if (reachId) form.append('reachId', String(reachId));
  form.append('kind', kind);
  form.append('file', file, file.name); // fields before the file: a streaming server reads them first
  return api.upload<OutfallImage>(`${OUT}/images`, form, options);
}

export function useImportSuspects() {
  return useInvalidating((v: { file: File; reachId?: number }) => {
    const form = v.reachId ? new FormData() : fileForm('file', v.file);
    if (v.reachId) {
      form.append('reachId', String(v.reachId));
      form.append('file', v.file, v.file.name);
    }
    return api.upload<ImportResult>(`${OUT}/import`, form);
  });
}
