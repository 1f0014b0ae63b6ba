import type { Department, Source, SourceCategory, SourceState } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

export interface SourceFilters {
  q?: string;
  region?: string;
  category?: SourceCategory;
  department?: Department;
  industry?: string;
  hasCreditCode?: 'true' | 'false';
  state?: SourceState;
}

/** The directory's sources, keyset-paged; the server shows active ones unless a state is asked for. */
export function useSourceList(filters: SourceFilters) {
  return useCursorList<Source>(directoryKeys.sources, '/api/v1/sources', { ...filters, limit: 50 });
}
