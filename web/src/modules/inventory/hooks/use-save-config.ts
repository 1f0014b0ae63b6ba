import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { InventoryDepartment, InventoryState } from '../../../api/inventory-types.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

/** PUT the six states; everything coloured by them is re-read. */
export function useSaveStates() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (states: InventoryState[]) => api.put<InventoryState[]>(`${INV}/states`, { states }),
    onSettled: () => void qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}

/** PUT the departments of the joint review. */
export function useSaveDepartments() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (departments: InventoryDepartment[]) => api.put<InventoryDepartment[]>(`${INV}/departments`, { departments }),
    onSettled: () => void qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}
