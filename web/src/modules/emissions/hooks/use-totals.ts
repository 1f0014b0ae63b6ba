import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { emissionKeys, totalsPath, type Totals } from '../utils/emissions-api.ts';

/** A region's totals; the caller's own region without a code. Re-read on every visit: the worker moves them. */
export function useTotals(region: string | undefined) {
  return useQuery({ queryKey: emissionKeys.totals(region), queryFn: () => api.get<Totals>(totalsPath(region)), staleTime: 0 });
}
