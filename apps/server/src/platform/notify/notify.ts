import { newId } from '../ids.ts';
import type { Trx } from '../transaction.ts';

export interface Notice {
  kind: string;
  title: string;
  body: string;
  /** API-style path of what the notice is about (`/civic-cases/<id>`); each front end maps it to its page. */
  link: string | null;
}

/**
 * Puts a notice in each user's in-app inbox, in the caller's transaction (a notice about a change exists exactly
 * when the change does). SMS goes out separately, after commit, through the platform's pluggable sender.
 */
export async function notifyUsers(trx: Trx, userIds: readonly string[], notice: Notice, at: string): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await trx
    .insertInto('notification')
    .values(
      unique.map((userId) => ({
        id: newId(),
        user_id: userId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: notice.link,
        created_at: at,
        read_at: null,
      })),
    )
    .execute();
}
