import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type Query } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';

interface Options<T> {
  enabled?: boolean;
  refetchInterval?: (data: InfiniteData<Page<T>> | undefined) => number | false;
}

/** A keyset-paged list ({ items, nextCursor }) read page by page with "load more". */
export function useCursorList<T>(key: readonly unknown[], path: string, query: Query, options: Options<T> = {}) {
  const q = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam }) => api.get<Page<T>>(path, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled,
    refetchInterval: options.refetchInterval ? (query) => options.refetchInterval!(query.state.data) : undefined,
  });
  const items = useMemo(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);
  return { ...q, items };
}
