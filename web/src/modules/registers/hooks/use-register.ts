import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Register } from '../../../api/types.ts';
import { registerKeys } from '../utils/register-keys.ts';

/** One register, e.g. for its counts once its import job has ended. */
export function useRegister(id: number, enabled: boolean) {
  return useQuery({ queryKey: registerKeys.one(id), queryFn: () => api.get<Register>(`/api/v1/registers/${id}`), enabled, staleTime: 0 });
}
