import { useEffect } from 'react';
import { kickPhotos } from '../utils/photo-uploader.ts';
import { syncNow } from '../utils/sync.ts';

/** Syncs when the app opens online and whenever the network comes back. */
export function useAutoSync() {
  useEffect(() => {
    const go = () => {
      if (!navigator.onLine) return;
      syncNow()
        .then(kickPhotos)
        .catch(() => undefined); // shown on the sync tab
    };
    go();
    window.addEventListener('online', go);
    return () => window.removeEventListener('online', go);
  }, []);
}
