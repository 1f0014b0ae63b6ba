import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { emissionKeys, sourceEmissionsPath, type SourceEmissions } from '../utils/emissions-api.ts';

/** One source's figures; asked again every 2 s while the worker has the source marked (`pending`). */
export function useSourceEmissions(id: number) {
  return useQuery({
    queryKey: emissionKeys.source(id),
    queryFn: () => api.get<SourceEmissions>(sourceEmissionsPath(id)),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.pending ? 2000 : false),
  });
}
