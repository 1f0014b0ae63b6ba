import { useQuery } from '@tanstack/react-query';
import { fetchRegion, REGION_STALE_MS, regionKeys } from '../utils/regions-api.ts';

/** One region with its path from the nation. */
export function useRegion(code: string | undefined) {
  return useQuery({ queryKey: regionKeys.one(code ?? ''), queryFn: () => fetchRegion(code!), enabled: !!code, staleTime: REGION_STALE_MS });
}
