import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { OtpLoginBody, OtpSendBody } from '@linli/contracts';
import { appendAudit } from '../audit/audit.service.ts';
import { HOUR_MS, isoIn, isoNow, MINUTE_MS } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { macAlgorithm, maskPhone } from '../crypto/index.ts';
import { AppError } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import { type Trx, transact } from '../transaction.ts';
import { findAuthUserByPhoneIndex } from './auth-user.repository.ts';
import { recordAnonymousFailure, recordLoginFailure, refuseIfBlocked } from './lockout.ts';
import {
  consumeOtp,
  countOtpAttempt,
  findLiveOtp,
  insertOtp,
  listSendTimes,
  type OtpPurpose,
} from './otp.repository.ts';
import { type AuthOutcome, continueAfterFirstFactor } from './sign-in.ts';

/** SEC-6 / ASVS 6.6: six digits, five minutes, five guesses; one send per phone a minute and five an hour. */
const OTP_LIFETIME_MS = 5 * MINUTE_MS;
const OTP_MAX_ATTEMPTS = 5;
const RESEND_INTERVAL_MS = MINUTE_MS;
const SENDS_PER_HOUR = 5;

const SMS_TEXT = {
  login: (code: string) => `【邻里】您的登录验证码为${code}，5分钟内有效。如非本人操作，请忽略本短信。`,
  register: (code: string) => `【邻里】您的注册验证码为${code}，5分钟内有效。如非本人操作，请忽略本短信。`,
  alreadyRegistered: () => '【邻里】该手机号已注册，请在登录页用短信验证码直接登录。如非本人操作，请忽略本短信。',
};

/** Codes are stored as a keyed MAC bound to their row, so the table alone cannot be brute-forced offline. */
const codeMac = (ctx: Ctx, otpId: string, code: string): string =>
  createHmac(macAlgorithm(ctx.config.cryptoProfile), ctx.keys.derive('otp')).update(`${otpId}:${code}`).digest('hex');

/** Per-phone limits, counted in the database so they hold across processes; the answer says when to retry. */
async function assertMaySend(ctx: Ctx, phoneIndex: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const sends = await listSendTimes(ctx.db, phoneIndex, new Date(now - HOUR_MS).toISOString());
  const last = sends.at(-1);
  const fifthLast = sends.length >= SENDS_PER_HOUR ? sends[sends.length - SENDS_PER_HOUR] : undefined;
  const waits = [
    last !== undefined ? last + RESEND_INTERVAL_MS - now : 0,
    fifthLast !== undefined ? fifthLast + HOUR_MS - now : 0,
  ];
  const waitMs = Math.max(...waits);
  if (waitMs > 0) {
    throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: Math.ceil(waitMs / 1000) } });
  }
}

/**
 * `POST /auth/otp/send`. The answer is the same whether or not the phone has an account, so phones cannot be
 * enumerated: a code row is stored (and counted against the limits) either way, but a login code only goes to
 * an active account, a registration code only to an unregistered phone (a registered one is told to sign in
 * instead). The SMS goes out without being awaited so the response time does not tell the cases apart either.
 * `devCode` echoes the code outside production for the demo.
 */
export async function sendOtp(ctx: Ctx, body: OtpSendBody): Promise<{ sent: true; devCode?: string }> {
  const phoneIndex = ctx.blindIndex(body.phone);
  await assertMaySend(ctx, phoneIndex);
  const user = await findAuthUserByPhoneIndex(ctx.db, phoneIndex);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const text = smsTextFor(body.purpose, code, user ? user.status === 'active' : null);
  const id = newId();
  await transact(ctx, async (trx) => {
    await insertOtp(trx, {
      id,
      phoneIndex,
      purpose: body.purpose,
      codeHash: codeMac(ctx, id, code),
      createdAt: isoNow(ctx.clock),
      expiresAt: isoIn(ctx.clock, OTP_LIFETIME_MS),
    });
    await appendAudit(trx, ctx, {
      action: 'auth.otp_send',
      objectType: 'otp_code',
      objectId: id,
      details: { purpose: body.purpose, phoneMasked: maskPhone(body.phone), delivered: text !== null },
    });
  });
  if (text) dispatchSms(ctx, body.phone, text);
  return ctx.config.env === 'production' ? { sent: true } : { sent: true, devCode: code };
}

/** `accountActive`: null when the phone has no account. */
function smsTextFor(purpose: OtpPurpose, code: string, accountActive: boolean | null): string | null {
  if (purpose === 'login') return accountActive ? SMS_TEXT.login(code) : null;
  return accountActive === null ? SMS_TEXT.register(code) : SMS_TEXT.alreadyRegistered();
}

function dispatchSms(ctx: Ctx, phone: string, text: string): void {
  ctx.sms.send(phone, text).catch(() => {
    ctx.log.error({ to: maskPhone(phone) }, 'sms could not be sent');
  });
}

/**
 * Checks a code against the newest live one for the phone and purpose. A wrong code counts an attempt (the
 * fifth burns it). Returns the code's id for `consumeOtpCode`, or null.
 */
export async function matchOtpCode(ctx: Ctx, phone: string, purpose: OtpPurpose, code: string): Promise<string | null> {
  const live = await findLiveOtp(ctx.db, ctx.clock, ctx.blindIndex(phone), purpose);
  if (!live) return null;
  const expected = Buffer.from(live.code_hash, 'hex');
  const given = Buffer.from(codeMac(ctx, live.id, code), 'hex');
  if (expected.length === given.length && timingSafeEqual(expected, given)) return live.id;
  await countOtpAttempt(ctx.db, ctx.clock, live.id, OTP_MAX_ATTEMPTS);
  return null;
}

/** Uses up a matched code inside the caller's transaction; a code already used by a racing request fails. */
export async function consumeOtpCode(trx: Trx, ctx: Ctx, otpId: string): Promise<void> {
  if (!(await consumeOtp(trx, ctx.clock, otpId))) throw new AppError('OTP_INVALID');
}

/**
 * `POST /auth/otp/login`: residents and members sign in with an SMS code (the documented ASVS 6.3.3 exception);
 * staff still owe the TOTP step. Every failure is audited; a code for a phone without an account fails like a
 * wrong one.
 */
export async function loginWithOtp(ctx: Ctx, body: OtpLoginBody): Promise<AuthOutcome> {
  const user = await findAuthUserByPhoneIndex(ctx.db, ctx.blindIndex(body.phone));
  const otpId = await matchOtpCode(ctx, body.phone, 'login', body.code);
  if (!otpId || !user) {
    if (user) await recordLoginFailure(ctx, user, { reason: 'otp', method: 'otp' });
    else
      await recordAnonymousFailure(ctx, { reason: 'unknown_phone', method: 'otp', phoneMasked: maskPhone(body.phone) });
    throw new AppError('OTP_INVALID');
  }
  await transact(ctx, (trx) => consumeOtpCode(trx, ctx, otpId));
  await refuseIfBlocked(ctx, user, 'otp');
  return continueAfterFirstFactor(ctx, user, 'otp');
}
