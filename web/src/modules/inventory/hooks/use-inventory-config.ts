import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../api/client.ts';
import type { InventoryDepartment, InventoryState } from '../../../api/inventory-types.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

const byPosition = <T extends { position: number }>(xs: T[]) => [...xs].sort((a, b) => a.position - b.position);

/** The six states in order, and a lookup by code; rarely changed, so read once a minute at most. */
export function useInventoryStates() {
  const q = useQuery({
    queryKey: inventoryKeys.states,
    queryFn: async () => byPosition(await api.get<InventoryState[]>(`${INV}/states`)),
    staleTime: 60_000,
  });
  const byCode = useMemo(() => new Map((q.data ?? []).map((s) => [s.code, s])), [q.data]);
  return { ...q, states: q.data ?? [], byCode };
}

/** The departments of the joint review in order, and a lookup by code. */
export function useInventoryDepartments() {
  const q = useQuery({
    queryKey: inventoryKeys.departments,
    queryFn: async () => byPosition(await api.get<InventoryDepartment[]>(`${INV}/departments`)),
    staleTime: 60_000,
  });
  const byCode = useMemo(() => new Map((q.data ?? []).map((d) => [d.code, d])), [q.data]);
  return { ...q, departments: q.data ?? [], byCode };
}
