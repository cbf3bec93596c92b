import type { LoginBody } from '@linli/contracts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { findAuthUserByUsername } from './auth-user.repository.ts';
import { isLocked, recordAnonymousFailure, recordLoginFailure, refuseIfBlocked } from './lockout.ts';
import { spendPasswordCheck, verifyPassword } from './password-hash.ts';
import { type AuthOutcome, continueAfterFirstFactor } from './sign-in.ts';

/** One error for "no such user" and "wrong password", so neither the body nor the status tells them apart. */
const invalidCredentials = () => new AppError('INVALID_CREDENTIALS');

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
  return continueAfterFirstFactor(ctx, user, 'password');
}
