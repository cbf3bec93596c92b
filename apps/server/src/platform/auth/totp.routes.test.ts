import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, TEST_PASSWORD } from '../../../test/factories.ts';
import { createTestApp, errorCode, type TestApp } from '../../../test/harness.ts';
import { MINUTE_MS } from '../clock.ts';
import { auditRows, codeNow, login, postAnon, sessionFrom, setCookies, userWithRole } from './auth-test-kit.ts';
import { currentTotpCode, enrolTotpForDemo } from './totp.service.ts';
import { totpCodeAt } from './totp.ts';

describe('TOTP enrolment and verification (SEC-6)', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  const mfaTokenFor = async (username: string): Promise<string> => {
    const response = await login(t, username, TEST_PASSWORD);
    expect(response.json().status).toBe('mfa_required');
    return response.json().mfaToken;
  };
  const enrol = (mfaToken: string) => postAnon(t.app, '/api/v1/auth/totp/enrol', { mfaToken });
  const verify = (mfaToken: string, code: string) => postAnon(t.app, '/api/v1/auth/totp/verify', { mfaToken, code });

  /** A staff member who has been through enrolment; returns the secret their app holds. */
  const enrolledStaff = async () => {
    const user = await userWithRole(t, 'committee_admin', county.committee);
    const token = await mfaTokenFor(user.username);
    const { secret } = (await enrol(token)).json();
    expect((await verify(token, codeNow(t, secret))).statusCode).toBe(200);
    t.clock.advance(30_000);
    return { user, secret };
  };

  it('answers 400 for a malformed token or code and 401 for an unknown or expired token', async () => {
    expect((await enrol('short')).statusCode).toBe(400);
    expect((await verify('x'.repeat(43), '12345')).statusCode).toBe(400);
    const unknown = await verify('x'.repeat(43), '123456');
    expect(unknown.statusCode).toBe(401);
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');

    const user = await userWithRole(t, 'branch_secretary', county.compoundA);
    const token = await mfaTokenFor(user.username);
    t.clock.advance(5 * MINUTE_MS + 1000);
    expect((await enrol(token)).statusCode).toBe(401);
  });

  it('enrols on the first verified code: secret kept encrypted, session started, both events audited', async () => {
    const user = await userWithRole(t, 'branch_secretary', county.compoundA);
    const token = await mfaTokenFor(user.username);
    const enrolment = await enrol(token);
    expect(enrolment.statusCode).toBe(200);
    const { secret, otpauthUri } = enrolment.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = new URL(otpauthUri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.searchParams.get('issuer')).toBe('邻里 Linli');
    expect(parsed.searchParams.get('digits')).toBe('6');
    expect(parsed.searchParams.get('period')).toBe('30');
    expect(parsed.searchParams.get('algorithm')).toBe('SHA1');

    const before = await t.platform.db.selectFrom('app_user').selectAll().where('id', '=', user.id).executeTakeFirst();
    expect(before?.totp_enrolled).toBe(0);

    const verified = await verify(token, codeNow(t, secret));
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ status: 'ok', me: { id: user.id, totpEnrolled: true } });
    const session = sessionFrom(verified);
    expect(session.csrfToken).toBeTruthy();

    const after = await t.platform.db.selectFrom('app_user').selectAll().where('id', '=', user.id).executeTakeFirst();
    expect(after?.totp_enrolled).toBe(1);
    expect(after?.totp_secret_cipher).not.toContain(secret);
    expect(t.platform.cipher.decrypt(after?.totp_secret_cipher ?? '')).toBe(secret);
    expect((await auditRows(t, 'auth.mfa_enrol')).filter((r) => r.object_id === user.id)).toHaveLength(1);
    const logins = (await auditRows(t, 'auth.login')).filter((r) => r.actor_id === user.id);
    expect(logins.map((r) => [r.outcome, JSON.parse(r.details ?? '{}').method])).toEqual([['success', 'totp']]);
    const staffSession = await t.platform.db
      .selectFrom('user_session')
      .select(['is_staff', 'idle_timeout_seconds'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(staffSession).toEqual({ is_staff: 1, idle_timeout_seconds: 30 * 60 });
  });

  it('refuses a second enrolment once enrolled (409) and says enrolled at login', async () => {
    const { user } = await enrolledStaff();
    const response = await login(t, user.username, TEST_PASSWORD);
    expect(response.json().enrolled).toBe(true);
    const again = await enrol(response.json().mfaToken);
    expect(again.statusCode).toBe(409);
  });

  it('accepts a code only once, even within its window (ASVS 6.5.1)', async () => {
    const { user, secret } = await enrolledStaff();
    const code = codeNow(t, secret);
    expect((await verify(await mfaTokenFor(user.username), code)).statusCode).toBe(200);
    const replay = await verify(await mfaTokenFor(user.username), code);
    expect(replay.statusCode).toBe(401);
    expect(errorCode(replay)).toBe('MFA_INVALID');
    t.clock.advance(30_000);
    expect((await verify(await mfaTokenFor(user.username), codeNow(t, secret))).statusCode).toBe(200);
  });

  it('accepts the previous step but not one two steps old', async () => {
    const { user, secret } = await enrolledStaff();
    t.clock.advance(5 * MINUTE_MS);
    const twoOld = totpCodeAt(secret, new Date(t.clock.now().getTime() - 60_000));
    const oneOld = totpCodeAt(secret, new Date(t.clock.now().getTime() - 30_000));
    const token = await mfaTokenFor(user.username);
    if (twoOld !== oneOld && twoOld !== codeNow(t, secret)) {
      expect((await verify(token, twoOld)).statusCode).toBe(401);
    }
    expect((await verify(token, oneOld)).statusCode).toBe(200);
  });

  it('burns the challenge after five wrong codes and locks the account', async () => {
    const { user, secret } = await enrolledStaff();
    const token = await mfaTokenFor(user.username);
    const wrong = codeNow(t, secret) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i += 1) {
      const response = await verify(token, wrong);
      expect(errorCode(response)).toBe('MFA_INVALID');
    }
    expect(errorCode(await verify(token, wrong))).toBe('ACCOUNT_LOCKED');
    const burnt = await verify(token, codeNow(t, secret));
    expect(burnt.statusCode).toBe(401);
    expect(errorCode(burnt)).toBe('UNAUTHENTICATED');
    expect(setCookies(burnt)).toHaveLength(0);
    expect((await login(t, user.username, TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('gives the demo CLI the code an authenticator would show, for a secret enrolled by the demo seeder', async () => {
    const user = await userWithRole(t, 'county_admin', county.county);
    const secret = await enrolTotpForDemo(t.platform.db, t.platform, user.id);
    const code = await currentTotpCode(t.platform, user.username);
    const phone = new TOTP({ secret: Secret.fromBase32(secret) });
    expect(code).toBe(phone.generate({ timestamp: t.clock.now().getTime() }));
    const token = await mfaTokenFor(user.username);
    expect((await verify(token, code)).statusCode).toBe(200);
    const enrolAudit = (await auditRows(t, 'auth.mfa_enrol')).filter((r) => r.object_id === user.id);
    expect(enrolAudit).toHaveLength(1);
    expect(enrolAudit[0]?.actor_id).toBeNull();
    await expect(currentTotpCode(t.platform, 'no-such-user')).rejects.toThrow();
  });
});
