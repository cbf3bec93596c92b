import type { Page } from '@linli/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';

type Options<T> = {
  queryKey: readonly unknown[];
  /** One page from the API; `cursor` is undefined for the first. */
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;
  enabled?: boolean;
};

/** A cursor-paged list (`{ items, nextCursor }`) as one growing array, for `InfiniteScroll`. */
export const usePagedQuery = <T>({ queryKey, fetchPage, enabled = true }: Options<T>) => {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam === '' ? undefined : pageParam, signal),
    initialPageParam: '',
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    enabled,
  });
  const items: T[] = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { query, items };
};
