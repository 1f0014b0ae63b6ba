import { useEffect, useState } from 'react';

export interface OfflineReadiness {
  /** A service worker controls this page, so the shell opens without a network. */
  shellCached: boolean;
  usage?: number;
  quota?: number;
}

export function useOfflineReadiness(): OfflineReadiness {
  const [state, setState] = useState<OfflineReadiness>({ shellCached: !!navigator.serviceWorker?.controller });

  useEffect(() => {
    let live = true;
    const sw = navigator.serviceWorker;
    const onController = () => live && setState((s) => ({ ...s, shellCached: !!sw?.controller }));
    sw?.addEventListener('controllerchange', onController);
    navigator.storage
      ?.estimate?.()
      .then((e) => live && setState((s) => ({ ...s, usage: e.usage, quota: e.quota })))
      .catch(() => undefined);
    return () => {
      live = false;
      sw?.removeEventListener('controllerchange', onController);
    };
  }, []);

  return state;
}
