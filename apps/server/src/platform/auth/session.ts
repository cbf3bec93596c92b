import { isStaffRole, type Role, type ScopeKind } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { type Clock, DAY_MS, HOUR_MS, isoIn, isoNow, MINUTE_MS } from '../clock.ts';
import type { Actor, ActorAssignment } from '../context.ts';
import { hashToken, newToken } from '../crypto/index.ts';
import type { Trx } from '../transaction.ts';

/** SEC-4: staff idle out after 30 minutes and must sign in again after 12 hours. */
export const STAFF_IDLE_MS = 30 * MINUTE_MS;
export const STAFF_ABSOLUTE_MS = 12 * HOUR_MS;
/** Residents and members on their phones: 7 days idle, 30 days absolute (documented in docs/security.md). */
export const RESIDENT_IDLE_MS = 7 * DAY_MS;
export const RESIDENT_ABSOLUTE_MS = 30 * DAY_MS;

export interface NewSession {
  token: string;
  sessionId: string;
  csrfToken: string;
}

export async function isStaffUser(db: Db | Trx, userId: string): Promise<boolean> {
  const rows = await db.selectFrom('role_assignment').select('role').where('user_id', '=', userId).execute();
  return rows.some((r) => isStaffRole(r.role as Role));
}

/** Starts a server-side session; only the token's hash is stored. */
export async function createSession(
  db: Db | Trx,
  clock: Clock,
  input: { userId: string; isStaff: boolean; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newToken();
  const sessionId = hashToken(token);
  const csrfToken = newToken();
  const now = isoNow(clock);
  await db
    .insertInto('user_session')
    .values({
      id: sessionId,
      user_id: input.userId,
      csrf_token: csrfToken,
      is_staff: input.isStaff ? 1 : 0,
      created_at: now,
      last_seen_at: now,
      expires_at: isoIn(clock, input.isStaff ? STAFF_ABSOLUTE_MS : RESIDENT_ABSOLUTE_MS),
      idle_timeout_seconds: (input.isStaff ? STAFF_IDLE_MS : RESIDENT_IDLE_MS) / 1000,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      revoked_at: null,
    })
    .execute();
  return { token, sessionId, csrfToken };
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'ok'; actor: Actor; csrfToken: string };

/** Touch the session at most once a minute: enough for a 30-minute idle limit, far fewer writes. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

/**
 * Resolves a cookie token to the actor, reading the user's role assignments fresh so that a revoked role or a
 * disabled account takes effect on the very next request (SEC-13, SEC-4).
 */
export async function loadSession(db: Db, clock: Clock, token: string): Promise<SessionLookup> {
  const session = await db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([
      'user_session.id',
      'user_session.user_id',
      'user_session.csrf_token',
      'user_session.is_staff',
      'user_session.last_seen_at',
      'user_session.expires_at',
      'user_session.idle_timeout_seconds',
      'user_session.revoked_at',
      'app_user.display_name',
      'app_user.status',
    ])
    .where('user_session.id', '=', hashToken(token))
    .executeTakeFirst();
  if (!session || session.revoked_at) return { status: 'none' };
  const now = clock.now().getTime();
  const idleDeadline = new Date(session.last_seen_at).getTime() + session.idle_timeout_seconds * 1000;
  if (session.status !== 'active' || now >= new Date(session.expires_at).getTime() || now >= idleDeadline) {
    await revokeSession(db, clock, session.id);
    return { status: 'expired' };
  }
  if (now - new Date(session.last_seen_at).getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('user_session')
      .set({ last_seen_at: isoNow(clock) })
      .where('id', '=', session.id)
      .execute();
  }
  const assignments = await loadAssignments(db, session.user_id);
  return {
    status: 'ok',
    csrfToken: session.csrf_token,
    actor: {
      userId: session.user_id,
      displayName: session.display_name,
      sessionId: session.id,
      isStaff: session.is_staff === 1,
      assignments,
    },
  };
}

/**
 * The user's role assignments as they stand now, read fresh each time so a revoked role stops counting at once
 * (SEC-13): for a request's session and for a job acting on behalf of the user who queued it.
 */
export async function loadAssignments(db: Db | Trx, userId: string): Promise<ActorAssignment[]> {
  const rows = await db
    .selectFrom('role_assignment')
    .select(['id', 'role', 'scope_kind', 'scope_id', 'scope_path'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((a) => ({
    id: a.id,
    role: a.role as Role,
    scopeKind: a.scope_kind as ScopeKind,
    scopeId: a.scope_id,
    scopePath: a.scope_path,
  }));
}

export async function revokeSession(db: Db | Trx, clock: Clock, sessionId: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: isoNow(clock) })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Every session of a user ends at once: account disabled, password changed, roles changed. */
export async function revokeUserSessions(db: Db | Trx, clock: Clock, userId: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: isoNow(clock) })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** After a password change: the session that made it stays, every other one of the user ends. */
export async function revokeOtherSessions(
  db: Db | Trx,
  clock: Clock,
  userId: string,
  keepSessionId: string,
): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: isoNow(clock) })
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .where('revoked_at', 'is', null)
    .execute();
}
