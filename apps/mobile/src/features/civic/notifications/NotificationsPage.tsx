import type { Notification } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { civicApi } from '../../../api/civic.ts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageShell } from '../../../components/PageShell.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import { usePagedQuery } from '../../../components/usePagedQuery.ts';
import { useDescribeError } from '../../../i18n/describe-error.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { useCurrentUser } from '../../session/session.ts';
import { notificationTarget } from '../civic-access.ts';
import { CIVIC_KEYS } from '../civic-queries.ts';
import '../shared/civic.css';
import './notifications.css';

/** 消息: progress and reminders, newest first; a tap marks one read and opens its case. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const { query, items } = usePagedQuery({
    queryKey: CIVIC_KEYS.notifications,
    fetchPage: (cursor, signal) => civicApi.notifications(cursor ? { cursor } : {}, signal),
  });
  const unreadCount = useQuery({
    queryKey: CIVIC_KEYS.unread,
    queryFn: ({ signal }) => civicApi.notifications({ limit: 1, unread: 'true' }, signal),
  });
  const unread = unreadCount.data?.unread ?? 0;
  // The list and the home tile's count share the `notifications` prefix: one invalidation refreshes both.
  const refresh = () => queryClient.invalidateQueries({ queryKey: CIVIC_KEYS.notifications });
  const markAll = useMutation({
    mutationFn: () => civicApi.markRead({ all: true }),
    onSuccess: async () => {
      Toast.show({ icon: 'success', content: t('civic.notifications.markedAll') });
      await refresh();
    },
    onError: (error) => Toast.show({ icon: 'fail', content: describe(error) }),
  });

  const open = (notice: Notification) => {
    // Marking read is a courtesy: the case opens whether or not it gets through.
    if (notice.readAt === null) void civicApi.markRead({ ids: [notice.id] }).then(refresh, () => undefined);
    const target = notificationTarget(me, notice.link);
    if (target) navigate(target);
    else Toast.show({ content: t('civic.notifications.openFailed') });
  };

  return (
    <PageShell
      title={t('civic.notifications.title')}
      backTo="/"
      testId="civic-notifications-page"
      right={
        unread > 0 ? (
          <Button
            size="small"
            fill="none"
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="civic-notifications-read-all"
          >
            {t('civic.notifications.markAll')}
          </Button>
        ) : undefined
      }
    >
      {query.isPending ? (
        <PageSkeleton blocks={3} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('civic.notifications.empty')} />
      ) : (
        <>
          <ul className="civic-notice-list">
            {items.map((notice) => (
              <li key={notice.id}>
                <button
                  type="button"
                  className={`card civic-notice${notice.readAt === null ? ' civic-notice-unread' : ''}`}
                  onClick={() => open(notice)}
                  data-testid={`notification-${notice.id}`}
                >
                  <span className="civic-notice-head">
                    {notice.readAt === null ? (
                      <span className="civic-dot" role="img" aria-label={t('civic.notifications.unread')} />
                    ) : null}
                    <span className="civic-notice-title">{notice.title}</span>
                  </span>
                  <span className="civic-notice-body">{notice.body}</span>
                  <time className="muted" dateTime={notice.createdAt}>
                    {formatDateTime(notice.createdAt, locale)}
                  </time>
                </button>
              </li>
            ))}
          </ul>
          <LoadMore query={query} />
        </>
      )}
    </PageShell>
  );
}
