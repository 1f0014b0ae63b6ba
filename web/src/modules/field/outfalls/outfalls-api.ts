// The outfall routes the field app calls; online only (the list and the check are not kept offline).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useOnlineStatus } from '../hooks/use-online-status.ts';
import type { CheckBody, LatLng, NearOutfall, OutfallDetail } from './types.ts';

export const NEAR_LIMIT = 50;

export function useNearOutfalls(point: LatLng | null) {
  const online = useOnlineStatus();
  return useQuery({
    queryKey: ['outfalls', 'near', point?.lat, point?.lng],
    queryFn: () => api.get<{ items: NearOutfall[] }>('/api/v1/outfalls/near', { lat: point!.lat, lng: point!.lng, limit: NEAR_LIMIT }),
    enabled: online && point !== null,
    retry: false,
    placeholderData: (previous) => previous, // the old list stays while a moved position is asked
  });
}

export function useOutfall(id: number) {
  const online = useOnlineStatus();
  return useQuery({
    queryKey: ['outfalls', 'one', id],
    queryFn: () => api.get<OutfallDetail>(`/api/v1/outfalls/${id}`),
    enabled: online,
    retry: false,
  });
}

export const checkOutfall = (id: number, version: number, body: CheckBody) => api.post<OutfallDetail>(`/api/v1/outfalls/${id}/check`, { ...body, version });

export const foundOutfall = (regionCode: string, body: CheckBody) => api.post<OutfallDetail>('/api/v1/outfalls/found', { ...body, regionCode });

export interface PhotoToSend {
  id: string;
  blob: Blob;
  name: string;
  takenAt: string;
  lat?: number;
  lng?: number;
}

/** Multipart: the fields first, the file last (the server reads them in order). */
export function uploadPhoto(outfallId: number, p: PhotoToSend) {
  const f = new FormData();
  f.append('id', p.id);
  f.append('takenAt', p.takenAt);
  if (p.lat !== undefined && p.lng !== undefined) {
    f.append('lat', String(p.lat));
    f.append('lng', String(p.lng));
  }
  f.append('file', p.blob, p.name);
  return api.upload<unknown>(`/api/v1/outfalls/${outfallId}/photos`, f);
}

export const photoUrl = (id: string) => `/api/v1/outfalls/photos/${encodeURIComponent(id)}`;
export const imageThumbUrl = (id: number) => `/api/v1/outfalls/images/${id}/file?size=thumb`;
