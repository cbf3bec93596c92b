import type { SignedInResult, TotpEnrolment, TotpVerifyBody } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { isoNow } from '../clock.ts';
import { type Ctx, type Platform, systemCtx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { type Trx, transact } from '../transaction.ts';
import {
  type AuthUser,
  claimTotpStep,
  findAuthUserById,
  findAuthUserByUsername,
  saveTotpSecret,
} from './auth-user.repository.ts';
import { recordLoginFailure, refuseIfBlocked } from './lockout.ts';
import {
  consumeChallenge,
  countChallengeAttempt,
  getLiveChallenge,
  type LiveChallenge,
  setPendingTotpSecret,
} from './login-challenge.ts';
import { type AuthOutcome, openSession } from './sign-in.ts';
import { matchTotpStep, newTotpSecret, totpCodeAt, totpUri } from './totp.ts';

async function challengeUser(ctx: Ctx, mfaToken: string): Promise<{ challenge: LiveChallenge; user: AuthUser }> {
  const challenge = await getLiveChallenge(ctx.db, ctx.clock, mfaToken, 'mfa');
  const user = await findAuthUserById(ctx.db, challenge.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', { details: { reason: 'challenge_expired' } });
  return { challenge, user };
}

/**
 * `POST /auth/totp/enrol`: a new secret for a staff member who has none yet. It waits, encrypted, in the login
 * challenge and becomes the account's secret only when a code from it is verified, so an abandoned enrolment
 * leaves nothing behind. An enrolled account gets 409: replacing a second factor is an administrator's reset.
 */
export async function enrolTotp(ctx: Ctx, mfaToken: string): Promise<TotpEnrolment> {
  const { challenge, user } = await challengeUser(ctx, mfaToken);
  if (user.totp_enrolled === 1) throw new AppError('CONFLICT', { details: { reason: 'totp_already_enrolled' } });
  const secret = newTotpSecret();
  await setPendingTotpSecret(ctx.db, challenge.id, ctx.cipher.encrypt(secret));
  return { secret, otpauthUri: totpUri(secret, user.username ?? user.display_name) };
}

/**
 * `POST /auth/totp/verify` (SEC-6): the second factor. A code is accepted within one step either side and only
 * once (a step at or before the last one used is refused, ASVS 6.5.1). Each wrong code counts towards the
 * account lockout and the challenge's five attempts. The first success enrols the pending secret
 * (`auth.mfa_enrol`); every success starts the session.
 */
export async function verifyTotp(ctx: Ctx, body: TotpVerifyBody): Promise<AuthOutcome<SignedInResult>> {
  const { challenge, user } = await challengeUser(ctx, body.mfaToken);
  await refuseIfBlocked(ctx, user, 'totp');
  const secretCipher = user.totp_enrolled === 1 ? user.totp_secret_cipher : challenge.pendingTotpSecretCipher;
  if (!secretCipher) throw new AppError('CONFLICT', { details: { reason: 'totp_not_enrolled' } });
  const step = matchTotpStep(ctx.cipher.decrypt(secretCipher), body.code, ctx.clock.now());
  if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
    await countChallengeAttempt(ctx.db, ctx.clock, challenge.id);
    const locked = await recordLoginFailure(ctx, user, { reason: 'totp', method: 'totp' });
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'MFA_INVALID');
  }
  return transact(ctx, async (trx) => {
    await consumeChallenge(trx, ctx.clock, challenge.id);
    if (!(await claimTotpStep(trx, user.id, step))) throw new AppError('MFA_INVALID');
    if (user.totp_enrolled !== 1) await enrolSecret(trx, ctx, user, secretCipher);
    return openSession(trx, ctx, user, 'totp');
  });
}

async function enrolSecret(trx: Trx, ctx: Ctx, user: AuthUser, secretCipher: string): Promise<void> {
  await saveTotpSecret(trx, user.id, secretCipher, isoNow(ctx.clock));
  await appendAudit(trx, ctx, {
    action: 'auth.mfa_enrol',
    actorId: user.id,
    actorName: user.display_name,
    objectType: 'app_user',
    objectId: user.id,
    details: { factor: 'totp' },
  });
}

/**
 * The code the user's authenticator shows right now: `linli demo totp <username>` prints it so a demo can sign
 * in as staff without a phone. Codes are single-use, so after a sign-in the next one comes with the next step.
 */
export async function currentTotpCode(platform: Platform, username: string): Promise<string> {
  const user = await findAuthUserByUsername(platform.db, username.trim().toLowerCase());
  if (!user) throw new AppError('NOT_FOUND', { details: { what: 'user' } });
  if (user.totp_enrolled !== 1 || !user.totp_secret_cipher) {
    throw new AppError('CONFLICT', { details: { reason: 'totp_not_enrolled' } });
  }
  return totpCodeAt(platform.cipher.decrypt(user.totp_secret_cipher), platform.clock.now());
}

/**
 * Enrols a fresh TOTP secret for a demo staff account and returns it (base32), so the seeded demo works at
 * once. Audited as `auth.mfa_enrol` by the system; meant for the demo seeder only.
 */
export async function enrolTotpForDemo(db: Db | Trx, platform: Platform, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await saveTotpSecret(db, userId, platform.cipher.encrypt(secret), isoNow(platform.clock));
  await appendAudit(db, systemCtx(platform), {
    action: 'auth.mfa_enrol',
    objectType: 'app_user',
    objectId: userId,
    details: { factor: 'totp', by: 'demo_seed' },
  });
  return secret;
}
