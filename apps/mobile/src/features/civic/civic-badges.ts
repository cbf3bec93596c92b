import { useQuery } from '@tanstack/react-query';
import { civicApi } from '../../api/civic.ts';
import { CIVIC_KEYS } from './civic-queries.ts';
import { draftId, loadDraft } from './report/draft-store.ts';

const INBOX_PEEK = 20;

/** The 消息 tile's badge: unread notices (`unread` of the first page). */
export const useUnreadBadge = (enabled: boolean): string | undefined => {
  const unread = useQuery({
    queryKey: CIVIC_KEYS.unread,
    queryFn: ({ signal }) => civicApi.notifications({ limit: 1, unread: 'true' }, signal),
    enabled,
    refetchInterval: 60_000,
  });
  const count = unread.data?.unread ?? 0;
  return count > 0 ? (count > 99 ? '99+' : String(count)) : undefined;
};

/** The 待办事项 tile's badge: cases waiting for me (the first page; `20+` when there are more). */
export const useInboxBadge = (enabled: boolean): string | undefined => {
  const inbox = useQuery({
    queryKey: [...CIVIC_KEYS.inbox, 'count'],
    queryFn: ({ signal }) => civicApi.list({ view: 'inbox', limit: INBOX_PEEK }, signal),
    enabled,
  });
  const count = inbox.data?.items.length ?? 0;
  return count > 0 ? `${count}${inbox.data?.nextCursor ? '+' : ''}` : undefined;
};

/** Which saved report (if any) is still 待提交 on this phone, for a reminder on the home page. */
export const usePendingDraft = (userId: string): 'report' | 'file' | null => {
  const pending = useQuery({
    queryKey: ['civic-draft-pending', userId],
    queryFn: async () => {
      const [report, file] = await Promise.all([
        loadDraft(draftId(userId, 'report')),
        loadDraft(draftId(userId, 'file')),
      ]);
      if (report?.pending) return 'report' as const;
      if (file?.pending) return 'file' as const;
      return null;
    },
    staleTime: 0,
    gcTime: 0,
    // Read from the phone, not the network: it must answer when offline, which is when it matters.
    networkMode: 'always',
  });
  return pending.data ?? null;
};
