import type { Notification } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { NotificationTable } from '../../db/schema-civic.ts';
import { requireActor } from '../access/authorize.ts';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { transact } from '../transaction.ts';
import { countUnread, listNotificationRows, markRead } from './notification.repository.ts';

export interface NotificationPageView {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

const toNotification = (row: Selectable<NotificationTable>): Notification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/**
 * The signed-in user's inbox, newest first, with the count of unread notices for the badge. Only the user's own
 * notices: there is no way to name another user here.
 */
export async function listMyNotifications(
  ctx: Ctx,
  query: { cursor?: string | undefined; limit: number; unread?: 'true' | 'false' | undefined },
): Promise<NotificationPageView> {
  const actor = requireActor(ctx);
  const cursor = decodeCursor(query.cursor, ['at', 'id']);
  const rows = await listNotificationRows(ctx.db, actor.userId, {
    unreadOnly: query.unread === 'true',
    after: cursor ? { key: String(cursor.at), id: String(cursor.id) } : null,
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, toNotification, (r) => ({ at: r.created_at, id: r.id }));
  return { ...page, unread: await countUnread(ctx.db, actor.userId) };
}

/**
 * Marks notices read: the listed ones (ids of other users' notices change nothing and reveal nothing) or, with
 * `all`, every unread one. A body naming neither is a 400, since it can only be a client mistake.
 */
export async function markMyNotificationsRead(
  ctx: Ctx,
  body: { ids?: string[] | undefined; all?: boolean | undefined },
): Promise<void> {
  const actor = requireActor(ctx);
  if (!body.all && body.ids === undefined) {
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'body.ids', message: 'ids_or_all' }] } });
  }
  const ids = body.all ? 'all' : (body.ids ?? []);
  await transact(ctx, (trx) => markRead(trx, actor.userId, ids, isoNow(ctx.clock)));
}
