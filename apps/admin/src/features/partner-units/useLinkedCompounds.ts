import { type QueryClient, useQueries } from '@tanstack/react-query';
import { compoundDetailKey, compoundsApi } from '../../api/compounds.ts';
import { isApiError } from '../../api/http.ts';

/**
 * A compound a partner unit is linked to, by name. A unit is visible in every compound it supports, so some of its
 * links may lie outside the caller's scope: those cannot be read (`unreadable`) and are shown without a name.
 */
export type LinkedCompound =
  | { id: string; status: 'loading' }
  | { id: string; status: 'ok'; name: string }
  | { id: string; status: 'unreadable'; reason: 'forbidden' | 'failed' };

const isRefusal = (e: unknown) => isApiError(e) && e.status >= 400 && e.status < 500;

/** Resolves compound ids to names with `GET /compounds/:id` (shared with the compound detail page's cache). */
export const useLinkedCompounds = (ids: readonly string[]) => {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: compoundDetailKey(id),
      queryFn: () => compoundsApi.get(id),
      staleTime: 60_000,
      retry: (failures: number, e: unknown) => !isRefusal(e) && failures < 2,
      // A compound outside the caller's scope stays unreadable: do not ask again for every cell that shows it.
      retryOnMount: false,
    })),
  });
  const items: LinkedCompound[] = ids.map((id, i) => {
    const r = results[i];
    if (r?.data) return { id, status: 'ok', name: r.data.name };
    if (!r || r.isPending) return { id, status: 'loading' };
    return { id, status: 'unreadable', reason: isRefusal(r.error) ? 'forbidden' : 'failed' };
  });
  return { items, loading: items.some((c) => c.status === 'loading') };
};

/** The same resolution outside render (after a reload), through the same cache. */
export const resolveLinkedCompounds = (queryClient: QueryClient, ids: readonly string[]): Promise<LinkedCompound[]> =>
  Promise.all(
    ids.map(async (id): Promise<LinkedCompound> => {
      try {
        const c = await queryClient.fetchQuery({
          queryKey: compoundDetailKey(id),
          queryFn: () => compoundsApi.get(id),
          staleTime: 60_000,
        });
        return { id, status: 'ok', name: c.name };
      } catch (e) {
        return { id, status: 'unreadable', reason: isRefusal(e) ? 'forbidden' : 'failed' };
      }
    }),
  );
