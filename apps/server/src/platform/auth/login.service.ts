import type { LoginBody } from '@linli/contracts';
import { HOUR_MS } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { type AuthUser, findAuthUserByUsername } from './auth-user.repository.ts';
import { isLocked, recordAnonymousFailure, recordLoginFailure, refuseIfBlocked } from './lockout.ts';
import { spendPasswordCheck, verifyPassword } from './password-hash.ts';
import { type AuthOutcome, continueAfterFirstFactor } from './sign-in.ts';

/** One error for "no such user" and "wrong password", so neither the body nor the status tells them apart. */
const invalidCredentials = () => new AppError('INVALID_CREDENTIALS');

/** SEC-7: a one-time password handed out by an administrator works for 24 hours, then an administrator must issue another. */
export const ONE_TIME_PASSWORD_TTL_MS = 24 * HOUR_MS;

function isExpiredOneTimePassword(user: AuthUser, ctx: Ctx): boolean {
  if (user.must_change_password !== 1 || !user.password_changed_at) return false;
  return ctx.clock.now().getTime() - new Date(user.password_changed_at).getTime() > ONE_TIME_PASSWORD_TTL_MS;
}

/**
 * `POST /auth/login` (SEC-3, SEC-6). An unknown username spends a dummy argon2 check and fails exactly like a
 * wrong password. A locked account answers 423 whatever the password; the failure that reaches the policy
 * threshold locks it. A disabled account is only named as such to someone who knows its password. On success
 * the flow continues with a password change, the TOTP step (staff) or a session (residents, members).
 */
export async function loginWithPassword(ctx: Ctx, body: LoginBody): Promise<AuthOutcome> {
  const user = await findAuthUserByUsername(ctx.db, body.username);
  if (!user?.password_hash) {
    await spendPasswordCheck(body.password);
    if (user) await recordLoginFailure(ctx, user, { reason: 'password', method: 'password' });
    else await recordAnonymousFailure(ctx, { reason: 'unknown_user', method: 'password' });
    throw invalidCredentials();
  }
  if (isLocked(user, ctx.clock)) await refuseIfBlocked(ctx, user, 'password');
  if (!(await verifyPassword(user.password_hash, body.password))) {
    const locked = await recordLoginFailure(ctx, user, { reason: 'password', method: 'password' });
    if (locked) throw new AppError('ACCOUNT_LOCKED');
    throw invalidCredentials();
  }
  await refuseIfBlocked(ctx, user, 'password');
  if (isExpiredOneTimePassword(user, ctx)) {
    await recordLoginFailure(ctx, user, { reason: 'password', method: 'password' });
    throw invalidCredentials();
  }
  return continueAfterFirstFactor(ctx, user, 'password');
}
