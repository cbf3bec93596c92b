import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, TEST_PASSWORD } from '../../../test/factories.ts';
import { testConfig } from '../../../test/harness.ts';
import { openFreshDatabase } from '../../../test/test-database.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/database.ts';
import { FakeClock } from '../clock.ts';
import type { Platform } from '../context.ts';
import { postAnon, sessionFrom, userWithRole } from './auth-test-kit.ts';
import { totpCodeAt } from './totp.ts';

const NEW_PASSWORD = 'Quiet-Harbour-2027!';
/** An 11-digit mainland mobile standing alone (not inside a longer run of letters or digits, e.g. a hash). */
const PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

/**
 * SEC-15: runs every sign-in flow with the log at trace level and then scans the log lines and the audit rows
 * for the passwords, codes, TOTP secret and phone numbers used. None may appear.
 */
describe('sign-in flows keep secrets and phone numbers out of logs and audit rows (SEC-15)', () => {
  const lines: string[] = [];
  const secrets: string[] = [TEST_PASSWORD, NEW_PASSWORD];
  let platform: Platform;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const clock = new FakeClock();
  const t = () => ({ app, platform, clock, database, sms: [], close: async () => {} });

  beforeAll(async () => {
    database = await openFreshDatabase();
    app = await buildApp({
      config: testConfig({ LINLI_LOG_LEVEL: 'trace' }),
      database,
      clock,
      logStream: { write: (line) => lines.push(line) },
    });
    await app.ready();
    platform = app.platform;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('leaves no trace of them after password, TOTP, SMS, registration and password-change flows', async () => {
    const county = await buildCounty(platform);
    const member = await userWithRole(t(), 'member', county.compoundA, { phone: '13811112222' });
    await postAnon(app, '/api/v1/auth/login', { username: member.username, password: 'Wrong-Guess-1!' });
    secrets.push('Wrong-Guess-1!');
    const signedIn = await postAnon(app, '/api/v1/auth/login', { username: member.username, password: TEST_PASSWORD });
    const session = sessionFrom(signedIn);
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });

    const staff = await userWithRole(t(), 'branch_secretary', county.compoundA, { phone: '13933334444' });
    const challenge = (
      await postAnon(app, '/api/v1/auth/login', { username: staff.username, password: TEST_PASSWORD })
    ).json();
    const { secret } = (await postAnon(app, '/api/v1/auth/totp/enrol', { mfaToken: challenge.mfaToken })).json();
    const totp = totpCodeAt(secret, clock.now());
    await postAnon(app, '/api/v1/auth/totp/verify', { mfaToken: challenge.mfaToken, code: totp });
    secrets.push(secret, challenge.mfaToken);

    const sent = (await postAnon(app, '/api/v1/auth/otp/send', { phone: '13811112222', purpose: 'login' })).json();
    await postAnon(app, '/api/v1/auth/otp/login', { phone: '13811112222', code: sent.devCode });
    const newcomer = '13755556666';
    const registration = (
      await postAnon(app, '/api/v1/auth/otp/send', { phone: newcomer, purpose: 'register' })
    ).json();
    const registered = await postAnon(app, '/api/v1/auth/register', {
      phone: newcomer,
      code: registration.devCode,
      displayName: '李四',
      compoundId: county.compoundA.id,
      building: '2栋',
      room: '302',
    });
    expect(registered.statusCode).toBe(200);
    const codes = [sent.devCode, registration.devCode, totp].map(
      (code: string) => new RegExp(`(?<![0-9A-Za-z.])${code}(?![0-9A-Za-z.])`),
    );

    const audit = await platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'object_id', 'user_agent', 'details'])
      .execute();
    expect(audit.length).toBeGreaterThan(8);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((line) => line.includes('sms (development sender)'))).toBe(true);
    const haystacks = [...lines, ...audit.map((row) => JSON.stringify(row))];
    for (const text of haystacks) {
      expect(text).not.toMatch(PHONE);
      for (const secret of secrets) expect(text).not.toContain(secret);
      for (const code of codes) expect(text).not.toMatch(code);
    }
  });
});
