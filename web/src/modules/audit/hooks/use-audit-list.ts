import type { AuditEntry } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';

export interface AuditFilters {
  entity?: string;
  action?: string;
  actor?: string;
  region?: string;
  from?: string;
  to?: string;
}

export function useAuditList(filters: AuditFilters) {
  return useCursorList<AuditEntry>(['audit', 'list'], '/api/v1/audit', { ...filters, limit: 50 });
}
