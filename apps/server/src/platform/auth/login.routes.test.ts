import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, TEST_PASSWORD } from '../../../test/factories.ts';
import { createTestApp, errorCode, type TestApp } from '../../../test/harness.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock.ts';
import { auditRows, freshIp, login, postAnon, sessionFrom, setCookies, userWithRole } from './auth-test-kit.ts';
import { dummyPasswordHash, hashPassword, spendPasswordCheck } from './password-hash.ts';

describe('POST /auth/login', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  it('answers 400 for a malformed username or a missing password', async () => {
    const bad = await postAnon(t.app, '/api/v1/auth/login', { username: 'A B', password: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    const missing = await postAnon(t.app, '/api/v1/auth/login', { username: 'someone' });
    expect(missing.statusCode).toBe(400);
  });

  it('signs a member in with a session cookie and the Me of that session', async () => {
    const user = await userWithRole(t, 'member', county.compoundA, { phone: '13800138000' });
    const response = await login(t, user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.me).toMatchObject({ id: user.id, username: user.username, phoneMasked: '138****8000' });
    expect(body.me.roles).toEqual([expect.objectContaining({ role: 'member', scopeName: '金碧花园' })]);
    const session = sessionFrom(response);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.json().id).toBe(user.id);
    const logins = await auditRows(t, 'auth.login');
    expect(logins.filter((r) => r.actor_id === user.id && r.outcome === 'success')).toHaveLength(1);
  });

  it('answers an unknown user and a wrong password with the same 401 body, both audited', async () => {
    const user = await userWithRole(t, 'member', county.compoundA);
    const unknown = await login(t, 'nobody-here', TEST_PASSWORD);
    const wrong = await login(t, user.username, 'Wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    // The request id differs per request by design; everything else must match byte for byte.
    const strip = (raw: string) => raw.replace(/"requestId":"[^"]+"/, '"requestId":""');
    expect(strip(unknown.body)).toBe(strip(wrong.body));
    expect(unknown.body.length).toBe(wrong.body.length);
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    const failures = (await auditRows(t, 'auth.login')).filter((r) => r.outcome === 'failure');
    expect(failures.some((r) => r.actor_id === user.id && r.details?.includes('"password"'))).toBe(true);
    expect(failures.some((r) => r.actor_id === null && r.details?.includes('unknown_user'))).toBe(true);
  });

  it('spends a real password check on an unknown user, so timing does not reveal which usernames exist', async () => {
    // Timing itself is not asserted (a loaded CI machine makes that flaky); what makes the two paths cost the same
    // is that the dummy check is an argon2id verification with exactly the parameters of a real password hash.
    const real = await hashPassword('Some-real-password-1');
    const dummy = await dummyPasswordHash();
    const parameters = (phc: string) => phc.split('$').slice(1, 4).join('$');
    expect(parameters(dummy)).toBe(parameters(real));
    expect(parameters(real)).toMatch(/^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
    expect(await spendPasswordCheck('Wrong-password-1')).toBe(false);
    const response = await login(t, 'ghost-user', 'Wrong-password-1');
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after five failures in 15 minutes, refuses even the right password, and audits it (SEC-3)', async () => {
    const user = await userWithRole(t, 'member', county.compoundA);
    for (let i = 1; i <= 4; i += 1) {
      const response = await login(t, user.username, `Wrong-password-${i}`);
      expect(response.statusCode).toBe(401);
      t.clock.advance(MINUTE_MS);
    }
    const fifth = await login(t, user.username, 'Wrong-password-5');
    expect(fifth.statusCode).toBe(423);
    expect(errorCode(fifth)).toBe('ACCOUNT_LOCKED');
    const right = await login(t, user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(setCookies(right)).toHaveLength(0);

    const lockouts = (await auditRows(t, 'auth.lockout')).filter((r) => r.actor_id === user.id);
    expect(lockouts).toHaveLength(1);
    const failures = (await auditRows(t, 'auth.login')).filter((r) => r.actor_id === user.id);
    expect(failures.map((r) => JSON.parse(r.details ?? '{}').reason)).toEqual([
      'password',
      'password',
      'password',
      'password',
      'password',
      'locked',
    ]);

    t.clock.advance(15 * MINUTE_MS);
    const after = await login(t, user.username, TEST_PASSWORD);
    expect(after.statusCode).toBe(200);
    const row = await t.platform.db
      .selectFrom('app_user')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('starts the count again when failures are more than 15 minutes apart', async () => {
    const user = await userWithRole(t, 'member', county.compoundA);
    for (let i = 0; i < 6; i += 1) {
      const response = await login(t, user.username, 'Wrong-password-1');
      expect(response.statusCode).toBe(401);
      t.clock.advance(16 * MINUTE_MS);
    }
    expect((await login(t, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('tells a disabled account so only to someone who knows its password', async () => {
    const user = await userWithRole(t, 'member', county.compoundA, { status: 'disabled' });
    const wrong = await login(t, user.username, 'Wrong-password-1');
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    const right = await login(t, user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(errorCode(right)).toBe('ACCOUNT_DISABLED');
  });

  it('never gives staff a session for a password alone: mfa_required and no cookie (SEC-6)', async () => {
    const user = await userWithRole(t, 'branch_secretary', county.compoundA);
    const response = await login(t, user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({ status: 'mfa_required', mfaToken: expect.any(String), enrolled: false });
    expect(setCookies(response)).toHaveLength(0);
    const sessions = await t.platform.db
      .selectFrom('user_session')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toHaveLength(0);
    const challenge = await t.platform.db
      .selectFrom('login_challenge')
      .select(['id', 'kind', 'expires_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(challenge.id).not.toBe(body.mfaToken);
    expect(challenge.kind).toBe('mfa');
    expect(new Date(challenge.expires_at).getTime() - t.clock.now().getTime()).toBe(5 * MINUTE_MS);
  });

  it('asks for a new password when it must be changed or a staff password is older than the policy allows', async () => {
    const fresh = await userWithRole(t, 'member', county.compoundA);
    await t.platform.db.updateTable('app_user').set({ must_change_password: 1 }).where('id', '=', fresh.id).execute();
    const first = await login(t, fresh.username, TEST_PASSWORD);
    expect(first.json()).toEqual({ status: 'password_change_required', changeToken: expect.any(String) });

    const staff = await userWithRole(t, 'grid_worker', county.gridA);
    const old = new Date(t.clock.now().getTime() - 91 * DAY_MS).toISOString();
    await t.platform.db.updateTable('app_user').set({ password_changed_at: old }).where('id', '=', staff.id).execute();
    expect((await login(t, staff.username, TEST_PASSWORD)).json().status).toBe('password_change_required');

    const member = await userWithRole(t, 'member', county.compoundA);
    await t.platform.db.updateTable('app_user').set({ password_changed_at: old }).where('id', '=', member.id).execute();
    expect((await login(t, member.username, TEST_PASSWORD)).json().status).toBe('ok');
  });

  it('refuses a one-time password more than 24 hours after it was issued (SEC-7)', async () => {
    const fresh = await userWithRole(t, 'member', county.compoundA);
    await t.platform.db
      .updateTable('app_user')
      .set({ must_change_password: 1, password_changed_at: t.clock.now().toISOString() })
      .where('id', '=', fresh.id)
      .execute();
    t.clock.advance(23 * HOUR_MS);
    expect((await login(t, fresh.username, TEST_PASSWORD)).json().status).toBe('password_change_required');
    t.clock.advance(2 * HOUR_MS);
    const late = await login(t, fresh.username, TEST_PASSWORD);
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a login posted from a foreign origin (WEB-2)', async () => {
    const user = await userWithRole(t, 'member', county.compoundA);
    const response = await postAnon(
      t.app,
      '/api/v1/auth/login',
      { username: user.username, password: TEST_PASSWORD },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('CSRF_REJECTED');
  });

  it('limits one address to 10 attempts a minute with Retry-After, and audits the hit (WEB-3)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i += 1) {
      expect((await login(t, `nobody${i}`, 'Wrong-password-1', ip)).statusCode).toBe(401);
    }
    const limited = await login(t, 'nobody', 'Wrong-password-1', ip);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const hits = await auditRows(t, 'security.rate_limited');
    expect(hits.some((r) => r.ip === ip)).toBe(true);
  });
});
