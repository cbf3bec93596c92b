import type { ChangePasswordBody, InitialPasswordBody } from '@linli/contracts';
import { requireActor } from '../access/authorize.ts';
import { appendAudit, recordAudit } from '../audit/audit.service.ts';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { transact } from '../transaction.ts';
import { type AuthUser, findAuthUserById, savePassword } from './auth-user.repository.ts';
import { refuseIfBlocked } from './lockout.ts';
import { consumeChallenge, getLiveChallenge } from './login-challenge.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { getPasswordPolicy, passwordProblems } from './password-policy.ts';
import { revokeOtherSessions, revokeUserSessions } from './session.ts';
import { type AuthOutcome, continueAfterFirstFactor } from './sign-in.ts';

/**
 * SEC-2: the policy's reasons (too short, too few classes, common, contains the username or phone), plus reuse
 * of the current password. Throws PASSWORD_POLICY with `details.problems`.
 */
async function assertAcceptable(ctx: Ctx, user: AuthUser, newPassword: string): Promise<void> {
  const policy = await getPasswordPolicy(ctx.db);
  const phone = user.phone_cipher ? ctx.cipher.decrypt(user.phone_cipher) : null;
  const problems = passwordProblems(newPassword, policy, { username: user.username, phone });
  if (user.password_hash && (await verifyPassword(user.password_hash, newPassword))) problems.push('reused');
  if (problems.length > 0) throw new AppError('PASSWORD_POLICY', { details: { problems } });
}

const subject = (user: AuthUser) => ({
  actorId: user.id,
  actorName: user.display_name,
  objectType: 'app_user',
  objectId: user.id,
});

/**
 * `POST /auth/password/initial`: replaces a one-time (SEC-7) or expired (SEC-2) password with the change token
 * from the login step, ends every session of the account, and continues the sign-in where the password left
 * off: staff go on to the TOTP step, others are signed in.
 */
export async function setInitialPassword(ctx: Ctx, body: InitialPasswordBody): Promise<AuthOutcome> {
  const challenge = await getLiveChallenge(ctx.db, ctx.clock, body.changeToken, 'password_change');
  const user = await findAuthUserById(ctx.db, challenge.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', { details: { reason: 'challenge_expired' } });
  await refuseIfBlocked(ctx, user, 'password');
  await assertAcceptable(ctx, user, body.newPassword);
  const passwordHash = await hashPassword(body.newPassword);
  await transact(ctx, async (trx) => {
    await consumeChallenge(trx, ctx.clock, challenge.id);
    await savePassword(trx, user.id, passwordHash, isoNow(ctx.clock));
    await revokeUserSessions(trx, ctx.clock, user.id);
    await appendAudit(trx, ctx, { action: 'auth.password_change', ...subject(user), details: { kind: 'initial' } });
  });
  const changed = await findAuthUserById(ctx.db, user.id);
  if (!changed) throw new AppError('UNAUTHENTICATED');
  return continueAfterFirstFactor(ctx, changed, 'password');
}

/**
 * `POST /auth/password`: a signed-in user changes their password. The current password is required (ASVS 6.2.3)
 * and a wrong one is audited; the new one must pass the policy. Every other session of the account ends, so a
 * stolen session does not outlive the change.
 */
export async function changePassword(ctx: Ctx, body: ChangePasswordBody): Promise<void> {
  const actor = requireActor(ctx);
  const user = await findAuthUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!user.password_hash || !(await verifyPassword(user.password_hash, body.currentPassword))) {
    await recordAudit(ctx, {
      action: 'auth.password_change',
      outcome: 'failure',
      objectType: 'app_user',
      objectId: user.id,
      details: { reason: 'current_password' },
    });
    throw new AppError('VALIDATION_FAILED', {
      details: { issues: [{ path: 'body.currentPassword', message: 'incorrect' }] },
      message: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is incorrect' },
    });
  }
  await assertAcceptable(ctx, user, body.newPassword);
  const passwordHash = await hashPassword(body.newPassword);
  await transact(ctx, async (trx) => {
    await savePassword(trx, user.id, passwordHash, isoNow(ctx.clock));
    await revokeOtherSessions(trx, ctx.clock, user.id, actor.sessionId);
    await appendAudit(trx, ctx, { action: 'auth.password_change', objectType: 'app_user', objectId: user.id });
  });
}
