import type { LoginResult, SignedInResult } from '@linli/contracts';
import { appendAudit } from '../audit/audit.service.ts';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { type Trx, transact } from '../transaction.ts';
import { type AuthUser, markSignedIn } from './auth-user.repository.ts';
import { consumeUserChallenges, issueChallenge } from './login-challenge.ts';
import { buildMe } from './me.service.ts';
import { getPasswordPolicy, isPasswordExpired } from './password-policy.ts';
import { createSession, isStaffUser, RESIDENT_ABSOLUTE_MS, STAFF_ABSOLUTE_MS } from './session.ts';

/** What a sign-in step answers, plus the session token when one started (the route puts it in the cookie). */
export interface AuthOutcome<R extends LoginResult = LoginResult> {
  result: R;
  session: { token: string; maxAgeMs: number } | null;
}

export type SignInMethod = 'password' | 'otp' | 'totp' | 'register';

type SignInUser = Pick<AuthUser, 'id' | 'display_name'>;

const subject = (user: SignInUser) => ({
  actorId: user.id,
  actorName: user.display_name,
  objectType: 'app_user',
  objectId: user.id,
});

/**
 * Starts a server-side session inside the caller's transaction: clears the failure streak, ends half-done
 * challenges, audits `auth.login` success and returns `Me` with the new session's CSRF token. The caller has
 * already established every factor the account needs.
 */
export async function openSession(
  trx: Trx,
  ctx: Ctx,
  user: SignInUser,
  method: SignInMethod,
): Promise<AuthOutcome<SignedInResult>> {
  const isStaff = await isStaffUser(trx, user.id);
  const session = await createSession(trx, ctx.clock, {
    userId: user.id,
    isStaff,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
  });
  await markSignedIn(trx, user.id, isoNow(ctx.clock));
  await consumeUserChallenges(trx, ctx.clock, user.id);
  await appendAudit(trx, ctx, { action: 'auth.login', outcome: 'success', ...subject(user), details: { method } });
  const me = await buildMe(trx, ctx, user.id, session.csrfToken);
  return {
    result: { status: 'ok', me },
    session: { token: session.token, maxAgeMs: isStaff ? STAFF_ABSOLUTE_MS : RESIDENT_ABSOLUTE_MS },
  };
}

/**
 * After the first factor (password or SMS code) succeeded: a one-time or expired password must be replaced
 * first; staff then owe the TOTP step (SEC-6) and get no session yet; everyone else is signed in.
 */
export async function continueAfterFirstFactor(
  ctx: Ctx,
  user: AuthUser,
  method: 'password' | 'otp',
): Promise<AuthOutcome> {
  const policy = await getPasswordPolicy(ctx.db);
  const isStaff = await isStaffUser(ctx.db, user.id);
  const mustChange =
    method === 'password' &&
    (user.must_change_password === 1 ||
      (isStaff && isPasswordExpired(user.password_changed_at, policy, ctx.clock.now())));
  return transact(ctx, async (trx) => {
    if (mustChange) {
      const changeToken = await issueChallenge(trx, ctx.clock, user.id, 'password_change');
      await auditFirstFactor(trx, ctx, user, method, 'password_change');
      return { result: { status: 'password_change_required', changeToken }, session: null };
    }
    if (isStaff) {
      const mfaToken = await issueChallenge(trx, ctx.clock, user.id, 'mfa');
      await auditFirstFactor(trx, ctx, user, method, 'mfa');
      return { result: { status: 'mfa_required', mfaToken, enrolled: user.totp_enrolled === 1 }, session: null };
    }
    return openSession(trx, ctx, user, method);
  });
}

/** The first factor passed but the sign-in is not complete: evidence for the auditor, not a login. */
function auditFirstFactor(trx: Trx, ctx: Ctx, user: SignInUser, method: string, next: string): Promise<void> {
  return appendAudit(trx, ctx, { action: 'auth.first_factor', ...subject(user), details: { method, next } });
}
