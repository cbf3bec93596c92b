import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../test/factories.ts';
import { createTestApp, errorCode, type TestApp } from '../../../test/harness.ts';
import { MINUTE_MS } from '../clock.ts';
import { auditRows, freshIp, postAnon, sessionFrom, setCookies, userWithRole } from './auth-test-kit.ts';

describe('SMS one-time codes', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let phoneSeq = 0;
  /** A phone no other test uses, so the per-phone limits stay per test. */
  const newPhone = () => {
    phoneSeq += 1;
    return `139${String(phoneSeq).padStart(8, '0')}`;
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  const send = (phone: string, purpose: 'login' | 'register' = 'login', ip?: string) =>
    postAnon(t.app, '/api/v1/auth/otp/send', { phone, purpose }, ip ? { ip } : {});
  const otpLogin = (phone: string, code: string) => postAnon(t.app, '/api/v1/auth/otp/login', { phone, code });

  describe('POST /auth/otp/send', () => {
    it('answers 400 for a number that is not a mainland mobile or an unknown purpose', async () => {
      expect((await send('12345')).statusCode).toBe(400);
      expect((await postAnon(t.app, '/api/v1/auth/otp/send', { phone: newPhone(), purpose: 'x' })).statusCode).toBe(
        400,
      );
    });

    it('texts a login code to an active account and stores only its MAC', async () => {
      const phone = newPhone();
      await userWithRole(t, 'resident', county.compoundA, { phone });
      const response = await send(phone);
      expect(response.statusCode).toBe(200);
      const { devCode } = response.json();
      expect(devCode).toMatch(/^\d{6}$/);
      const sms = t.sms.filter((m) => m.phone === phone);
      expect(sms).toHaveLength(1);
      expect(sms[0]?.text).toContain(devCode);
      const row = await t.platform.db
        .selectFrom('otp_code')
        .selectAll()
        .where('phone_index', '=', t.platform.blindIndex(phone))
        .executeTakeFirstOrThrow();
      expect(row.code_hash).not.toContain(devCode);
      expect(JSON.stringify(row)).not.toContain(phone);
      expect(new Date(row.expires_at).getTime() - t.clock.now().getTime()).toBe(5 * MINUTE_MS);
    });

    it('answers the same for a phone without an account but texts nothing, so phones cannot be enumerated', async () => {
      const known = newPhone();
      await userWithRole(t, 'resident', county.compoundA, { phone: known });
      const unknown = newPhone();
      const a = await send(known);
      const b = await send(unknown);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect(Object.keys(a.json())).toEqual(Object.keys(b.json()));
      expect(t.sms.filter((m) => m.phone === unknown)).toHaveLength(0);
      const disabled = newPhone();
      await userWithRole(t, 'resident', county.compoundA, { phone: disabled, status: 'disabled' });
      expect((await send(disabled)).statusCode).toBe(200);
      expect(t.sms.filter((m) => m.phone === disabled)).toHaveLength(0);
    });

    it('sends a registration code only to an unregistered phone; a registered one is told to sign in', async () => {
      const fresh = newPhone();
      const code = (await send(fresh, 'register')).json().devCode;
      expect(t.sms.find((m) => m.phone === fresh)?.text).toContain(code);
      const taken = newPhone();
      await userWithRole(t, 'resident', county.compoundA, { phone: taken });
      expect((await send(taken, 'register')).statusCode).toBe(200);
      const notice = t.sms.find((m) => m.phone === taken);
      expect(notice?.text).toContain('已注册');
      expect(notice?.text).not.toMatch(/\d{6}/);
    });

    it('allows one code per phone a minute and five an hour, with Retry-After (SEC-6)', async () => {
      const phone = newPhone();
      expect((await send(phone)).statusCode).toBe(200);
      const tooSoon = await send(phone);
      expect(tooSoon.statusCode).toBe(429);
      expect(errorCode(tooSoon)).toBe('RATE_LIMITED');
      expect(tooSoon.headers['retry-after']).toBe('60');
      for (let i = 0; i < 4; i += 1) {
        t.clock.advance(MINUTE_MS + 1000);
        expect((await send(phone)).statusCode).toBe(200);
      }
      t.clock.advance(MINUTE_MS + 1000);
      const sixth = await send(phone);
      expect(sixth.statusCode).toBe(429);
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(60);
      const hits = await auditRows(t, 'security.rate_limited');
      expect(hits.length).toBeGreaterThanOrEqual(2);
      t.clock.advance(60 * MINUTE_MS);
      expect((await send(phone)).statusCode).toBe(200);
    });

    it('limits one address to 10 sends a minute whatever the phones', async () => {
      const ip = freshIp();
      for (let i = 0; i < 10; i += 1) expect((await send(newPhone(), 'login', ip)).statusCode).toBe(200);
      expect((await send(newPhone(), 'login', ip)).statusCode).toBe(429);
    });

    it('never echoes the code in production', async () => {
      const prod = await createTestApp({ config: { NODE_ENV: 'production', LINLI_TLS: 'true' } });
      try {
        const response = await postAnon(prod.app, '/api/v1/auth/otp/send', { phone: newPhone(), purpose: 'login' });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toEqual({ sent: true });
      } finally {
        await prod.close();
      }
    });
  });

  describe('POST /auth/otp/login', () => {
    it('answers 400 for a malformed code', async () => {
      expect((await otpLogin(newPhone(), '12ab56')).statusCode).toBe(400);
    });

    it('signs a resident in with the texted code, once', async () => {
      const phone = newPhone();
      const user = await userWithRole(t, 'resident', county.compoundA, { phone });
      const code = (await send(phone)).json().devCode;
      const response = await otpLogin(phone, code);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'ok',
        me: { id: user.id, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` },
      });
      sessionFrom(response);
      const replay = await otpLogin(phone, code);
      expect(replay.statusCode).toBe(401);
      expect(errorCode(replay)).toBe('OTP_INVALID');
      const logins = (await auditRows(t, 'auth.login')).filter((r) => r.actor_id === user.id);
      expect(logins.map((r) => r.outcome)).toEqual(['success', 'failure']);
    });

    it('burns a code after five wrong guesses', async () => {
      const phone = newPhone();
      await userWithRole(t, 'resident', county.compoundA, { phone });
      const code = (await send(phone)).json().devCode;
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i += 1) expect(errorCode(await otpLogin(phone, wrong))).toBe('OTP_INVALID');
      expect(errorCode(await otpLogin(phone, code))).toBe('OTP_INVALID');
    });

    it('lets a code expire after five minutes', async () => {
      const phone = newPhone();
      await userWithRole(t, 'resident', county.compoundA, { phone });
      const code = (await send(phone)).json().devCode;
      t.clock.advance(5 * MINUTE_MS + 1000);
      expect(errorCode(await otpLogin(phone, code))).toBe('OTP_INVALID');
    });

    it('fails a code sent to a phone without an account like a wrong code', async () => {
      const phone = newPhone();
      const code = (await send(phone)).json().devCode;
      const response = await otpLogin(phone, code);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('OTP_INVALID');
    });

    it('still asks staff for the TOTP step', async () => {
      const phone = newPhone();
      await userWithRole(t, 'grid_worker', county.gridA, { phone });
      const code = (await send(phone)).json().devCode;
      const response = await otpLogin(phone, code);
      expect(response.json()).toEqual({ status: 'mfa_required', mfaToken: expect.any(String), enrolled: false });
      expect(setCookies(response)).toHaveLength(0);
    });
  });
});
