import type { Notification } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type MarkNotificationsReadBody, NOTIFICATIONS_KEY, notificationsApi } from '../../api/notifications.ts';
import { errorText } from '../../components/errors.ts';
import { consoleRouteOf } from './notificationLink.ts';

const POLL_MS = 60_000;

/** The unread count for the bell: polled every minute while the tab is open, and again when it regains focus. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'unread'],
    queryFn: () => notificationsApi.list({ unread: 'true', limit: 1 }),
    select: (page) => page.unread,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });

/** Marks notices read (some, or all) and refreshes every inbox view. */
export const useMarkRead = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkNotificationsReadBody) => notificationsApi.markRead(body),
    onSuccess: (_r, body) => {
      if (body.all) void message.success(t('notification.markedAllRead'));
    },
    onError: (e) => void message.error(errorText(e, t)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY] }),
  });
};

/** Opening a notice: marks it read, then goes where it leads (when the console has a page for that). */
export const useOpenNotice = () => {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const { mutate } = markRead;
  return useCallback(
    (notice: Notification) => {
      if (!notice.readAt) mutate({ ids: [notice.id] });
      const route = consoleRouteOf(notice.link);
      if (route) navigate(route);
    },
    [mutate, navigate],
  );
};
