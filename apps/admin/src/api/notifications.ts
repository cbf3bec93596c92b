import type {
  MarkNotificationsReadBodySchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type NotificationListQuery = In<typeof NotificationListQuerySchema>;
export type NotificationPage = Out<typeof NotificationPageSchema>;
export type MarkNotificationsReadBody = In<typeof MarkNotificationsReadBodySchema>;

export const NOTIFICATIONS_KEY = 'notifications';

/** The signed-in user's in-app inbox. */
export const notificationsApi = {
  list: (query: NotificationListQuery) => http.get<NotificationPage>('/me/notifications', query),
  /** `{ ids }` marks those, `{ all: true }` every unread one. */
  markRead: (body: MarkNotificationsReadBody) => http.post('/me/notifications/read', body),
};
