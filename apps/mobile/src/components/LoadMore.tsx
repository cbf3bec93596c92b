import { InfiniteScroll } from 'antd-mobile';

type Pager = { hasNextPage: boolean; fetchNextPage: (options: { throwOnError: true }) => Promise<unknown> };

/** The foot of a cursor-paged list: loads the next page as it scrolls into view (InfiniteScroll offers a retry). */
export function LoadMore({ query }: { query: Pager }) {
  return (
    <InfiniteScroll
      hasMore={query.hasNextPage}
      loadMore={async () => {
        await query.fetchNextPage({ throwOnError: true });
      }}
    />
  );
}
