// Photos of one check: picked on the device, sent one at a time to the outfall once it has an id
// (at once for a listed outfall; after POST /found for one found on foot). A failed upload stays
// with its message until the taker retries it; the same UUID again is the same photo on the server.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LocalizedText } from '../../../api/types.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { uploadPhoto, type PhotoToSend } from './outfalls-api.ts';

export type UploadStatus = 'waiting' | 'sending' | 'sent' | 'failed';

export interface CheckPhoto extends PhotoToSend {
  status: UploadStatus;
  error?: LocalizedText;
}

export function usePhotoUploads(outfallId: number | null) {
  const [photos, setPhotos] = useState<CheckPhoto[]>([]);
  const busy = useRef(false);
  const set = (id: string, patch: Partial<CheckPhoto>) => setPhotos((ps) => ps.map((p) => (p.id === id ? { ...p, ...patch } : p)));

  // The next waiting photo goes up whenever there is one and nothing is on its way; every change
  // of the list (a new array, even with the same photos) looks again.
  useEffect(() => {
    const next = photos.find((p) => p.status === 'waiting');
    if (outfallId === null || !next || busy.current) return;
    busy.current = true;
    set(next.id, { status: 'sending', error: undefined });
    uploadPhoto(outfallId, next)
      .then(() => set(next.id, { status: 'sent' }))
      .catch((e: unknown) => set(next.id, { status: 'failed', error: { zh: errorText(e, 'zh'), en: errorText(e, 'en') } }))
      .finally(() => {
        busy.current = false;
        setPhotos((ps) => [...ps]); // wake the effect for the next one
      });
  }, [outfallId, photos]);

  const add = useCallback((more: PhotoToSend[]) => setPhotos((ps) => [...ps, ...more.map((p) => ({ ...p, status: 'waiting' as const }))]), []);
  const retry = useCallback((id: string) => set(id, { status: 'waiting', error: undefined }), []);
  // Only a photo not on the server yet can be taken back here.
  const remove = useCallback((id: string) => setPhotos((ps) => ps.filter((p) => p.id !== id || p.status === 'sent' || p.status === 'sending')), []);
  const pending = photos.some((p) => p.status === 'waiting' || p.status === 'sending');
  const failed = photos.filter((p) => p.status === 'failed').length;
  return { photos, add, retry, remove, pending, failed };
}
