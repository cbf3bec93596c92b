import type { Db } from '../../src/db/database.ts';
import { isStaffUser, loadAssignments } from '../../src/platform/auth/session.ts';
import type { Actor, Ctx, Platform } from '../../src/platform/context.ts';

/**
 * The user as a request would see them after resolving their session: name, staff flag and role assignments read
 * from the database, so the crash writer's services authorise exactly as they do behind the API.
 */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
  const user = await db
    .selectFrom('app_user')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    userId,
    displayName: user.display_name,
    sessionId: `crash-writer-${userId}`,
    isStaff: await isStaffUser(db, userId),
    assignments: await loadAssignments(db, userId),
  };
}

/** A use-case context for the actor, as `request.ctx` would be for one of their requests. */
export const ctxFor = (platform: Platform, actor: Actor): Ctx => ({
  ...platform,
  actor,
  request: { requestId: null, ip: '127.0.0.1', userAgent: 'linli-crash-writer', locale: 'zh-CN' },
});
