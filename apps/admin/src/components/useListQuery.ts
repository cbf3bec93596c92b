import type { Page } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCursorPaging } from './useCursorPaging.ts';

/** The page a list request asks for. */
export type PageParams = { cursor: string | undefined; limit: number };

/**
 * One page of a list endpoint under the given filters, with cursor paging that starts over when they change. The
 * query key is `[key, 'list', filters, cursor, limit]`, so `invalidateQueries({ queryKey: [key] })` refreshes it.
 */
export const useListQuery = <F, T>(
  key: string,
  filters: F,
  list: (query: NoInfer<F> & PageParams) => Promise<Page<T>>,
  initialLimit?: number,
) => {
  const paging = useCursorPaging(JSON.stringify(filters), initialLimit);
  const query = useQuery({
    queryKey: [key, 'list', filters, paging.cursor, paging.limit],
    queryFn: () => list({ ...filters, cursor: paging.cursor, limit: paging.limit }),
    placeholderData: keepPreviousData,
  });
  return { paging, query };
};
