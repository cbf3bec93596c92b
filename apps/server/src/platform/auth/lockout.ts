import type { PasswordPolicy } from '@linli/contracts';
import { appendAudit } from '../audit/audit.service.ts';
import { type Clock, MINUTE_MS } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { type AuthUser, lockAuthUserForUpdate, saveFailureCounters } from './auth-user.repository.ts';
import { getPasswordPolicy } from './password-policy.ts';

/** SEC-3: failures count as consecutive while each follows the previous one within this window. */
export const FAILURE_WINDOW_MS = 15 * MINUTE_MS;

export type FailureReason = 'password' | 'totp' | 'locked' | 'disabled' | 'unknown_user' | 'otp' | 'unknown_phone';

export const isLocked = (user: Pick<AuthUser, 'locked_until'>, clock: Clock): boolean =>
  user.locked_until !== null && new Date(user.locked_until).getTime() > clock.now().getTime();

/** What one more failure does to the counters: continue or restart the streak, and lock at the threshold. */
export function nextFailureCounters(
  user: Pick<AuthUser, 'failed_logins' | 'last_failed_login_at'>,
  policy: Pick<PasswordPolicy, 'lockoutThreshold' | 'lockoutMinutes'>,
  now: Date,
): { failedLogins: number; lastFailedLoginAt: string | null; lockedUntil: string | null; locks: boolean } {
  const last = user.last_failed_login_at ? new Date(user.last_failed_login_at).getTime() : null;
  const streak = last !== null && now.getTime() - last < FAILURE_WINDOW_MS ? user.failed_logins + 1 : 1;
  if (streak < policy.lockoutThreshold) {
    return { failedLogins: streak, lastFailedLoginAt: now.toISOString(), lockedUntil: null, locks: false };
  }
  // The streak restarts from zero once the lock is set, so an expired lock gives a full set of attempts again.
  const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * MINUTE_MS).toISOString();
  return { failedLogins: 0, lastFailedLoginAt: null, lockedUntil, locks: true };
}

/**
 * Records a failed first or second factor against a known account: the audit row (SEC-14), the streak, and the
 * lock when the streak reaches the policy threshold (`auth.lockout`). Commits on its own, since the request
 * itself fails. Returns whether this failure locked the account.
 */
export async function recordLoginFailure(
  ctx: Ctx,
  user: Pick<AuthUser, 'id' | 'display_name'>,
  details: { reason: FailureReason; method: 'password' | 'totp' | 'otp' },
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const policy = await getPasswordPolicy(trx);
    const fresh = await lockAuthUserForUpdate(trx, user.id, ctx.dialect === 'postgres');
    if (!fresh) return false;
    const counts = details.reason === 'password' || details.reason === 'totp';
    const who = { actorId: user.id, actorName: user.display_name, objectType: 'app_user', objectId: user.id };
    await appendAudit(trx, ctx, { action: 'auth.login', outcome: 'failure', ...who, details });
    if (!counts) return false;
    const next = nextFailureCounters(fresh, policy, ctx.clock.now());
    await saveFailureCounters(trx, user.id, next);
    if (next.locks) {
      await appendAudit(trx, ctx, {
        action: 'auth.lockout',
        outcome: 'failure',
        ...who,
        details: { lockedUntil: next.lockedUntil, threshold: policy.lockoutThreshold },
      });
    }
    return next.locks;
  });
}

/** A failure with no account behind it (unknown username or phone): audited, counted nowhere. */
export async function recordAnonymousFailure(
  ctx: Ctx,
  details: { reason: FailureReason; method: 'password' | 'otp'; phoneMasked?: string },
): Promise<void> {
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, ctx, { action: 'auth.login', outcome: 'failure', actorId: null, actorName: null, details }),
    );
}

/**
 * The lock and disable checks every sign-in path makes before it issues anything; a refusal is audited like any
 * other failed login.
 */
export async function refuseIfBlocked(ctx: Ctx, user: AuthUser, method: 'password' | 'totp' | 'otp'): Promise<void> {
  const reason = isLocked(user, ctx.clock) ? 'locked' : user.status !== 'active' ? 'disabled' : null;
  if (!reason) return;
  await recordLoginFailure(ctx, user, { reason, method });
  if (reason === 'locked') throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: user.locked_until } });
  throw new AppError('ACCOUNT_DISABLED');
}
