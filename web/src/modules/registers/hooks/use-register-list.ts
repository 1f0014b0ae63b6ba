import type { InfiniteData } from '@tanstack/react-query';
import type { Department, Page, Register, RegisterStatus } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { registerKeys } from '../utils/register-keys.ts';

export interface RegisterFilters {
  department?: Department;
  region?: string;
  status?: RegisterStatus;
}

/** Re-read every 2 s while a register shown is still importing. */
const pollWhileImporting = (data: InfiniteData<Page<Register>> | undefined) =>
  data?.pages.some((p) => p.items.some((r) => r.status === 'importing')) ? 2000 : false;

export function useRegisterList(filters: RegisterFilters) {
  return useCursorList<Register>(registerKeys.list, '/api/v1/registers', { ...filters, limit: 50 }, { refetchInterval: pollWhileImporting });
}
