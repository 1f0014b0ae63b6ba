import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../api/client.ts';
import type { InventoryState } from '../types.ts';
import { STORES, getMeta, setMeta } from '../utils/field-db.ts';
import { useIdb } from './use-idb.ts';

const STATES = 'states';

/** The six inventory states: from the server when online (and kept), from the device otherwise. */
export function useStates(): InventoryState[] {
  const cached = useIdb(STATES, [STORES.meta], () => getMeta<InventoryState[]>(STATES));
  const live = useQuery({
    queryKey: ['inventory', 'states'],
    queryFn: async () => {
      const states = await api.get<InventoryState[]>('/api/v1/inventory/states');
      await setMeta(STATES, states);
      return states;
    },
    staleTime: 60 * 60_000,
    retry: false,
  });
  const states = live.data ?? cached.data;
  return useMemo(() => [...(states ?? [])].sort((a, b) => a.position - b.position), [states]);
}

export async function cacheStates(): Promise<void> {
  await setMeta(STATES, await api.get<InventoryState[]>('/api/v1/inventory/states'));
}
