import type { RegisterRow, RegisterRowError } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { registerKeys } from '../utils/register-keys.ts';

/** The imported rows of a register; `valid` filters to the valid ('true') or invalid ('false') ones. */
export function useRegisterRows(id: number, valid?: 'true' | 'false') {
  return useCursorList<RegisterRow>(registerKeys.rows(id), `/api/v1/registers/${id}/rows`, { valid, limit: 50 });
}

/** What is wrong with which row and column. */
export function useRegisterErrors(id: number) {
  return useCursorList<RegisterRowError>(registerKeys.errors(id), `/api/v1/registers/${id}/errors`, { limit: 50 });
}
