import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, sessionFor, TEST_PASSWORD } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type TestApp } from '../../../test/harness.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock.ts';
import { auditRows, login, sessionFrom, setCookies, userWithRole } from './auth-test-kit.ts';

describe('sessions, /auth/me and /auth/logout', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  const me = (session: Awaited<ReturnType<typeof sessionFor>> | null) => as(t.app, session).get('/api/v1/auth/me');

  describe('GET /auth/me', () => {
    it('answers 401 without a session', async () => {
      const response = await me(null);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    });

    it('answers 401 for a forged cookie', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: 'linli_sid=forged' },
      });
      expect(response.statusCode).toBe(401);
    });

    it('describes a staff member: roles with scope names, masked phone, CSRF token, password expiry', async () => {
      const user = await userWithRole(t, 'branch_secretary', county.compoundA, { phone: '13912345678' });
      const session = await sessionFor(t.platform, user.id);
      const response = await me(session);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        id: user.id,
        username: user.username,
        displayName: expect.any(String),
        phoneMasked: '139****5678',
        locale: 'zh-CN',
        roles: [
          {
            id: expect.any(String),
            role: 'branch_secretary',
            scopeKind: 'compound',
            scopeId: county.compoundA.id,
            scopeName: '金碧花园',
          },
        ],
        totpEnrolled: false,
        passwordExpiresAt: new Date(t.clock.now().getTime() + 90 * DAY_MS).toISOString(),
        csrfToken: session.csrfToken,
      });
      expect(response.body).not.toContain('13912345678');
    });

    it('gives residents no password expiry', async () => {
      const user = await userWithRole(t, 'resident', county.compoundA);
      expect((await me(await sessionFor(t.platform, user.id))).json().passwordExpiresAt).toBeNull();
    });
  });

  describe('cookies (WEB-1)', () => {
    it('sets an HttpOnly, SameSite=Lax, Path=/ cookie without Secure on plain HTTP', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const response = await login(t, user.username, TEST_PASSWORD);
      const [cookie] = setCookies(response);
      expect(cookie?.name).toBe('linli_sid');
      expect(cookie?.value.length).toBeGreaterThanOrEqual(43);
      expect(cookie?.attributes.get('httponly')).toBe(true);
      expect(cookie?.attributes.get('samesite')).toBe('Lax');
      expect(cookie?.attributes.get('path')).toBe('/');
      expect(cookie?.attributes.has('domain')).toBe(false);
      expect(cookie?.attributes.has('secure')).toBe(false);
      expect(Number(cookie?.attributes.get('max-age'))).toBe(30 * 24 * 3600);
    });

    it('uses Secure and the __Host- prefix behind TLS', async () => {
      const tls = await createTestApp({ config: { LINLI_TLS: 'true' } });
      try {
        const tlsCounty = await buildCounty(tls.platform);
        const user = await userWithRole(tls, 'member', tlsCounty.compoundA);
        const response = await login(tls, user.username, TEST_PASSWORD);
        const [cookie] = setCookies(response);
        expect(cookie?.name).toBe('__Host-linli_sid');
        expect(cookie?.attributes.get('secure')).toBe(true);
        expect(cookie?.attributes.get('path')).toBe('/');
        expect(cookie?.attributes.has('domain')).toBe(false);
        const session = sessionFrom(response);
        const mine = await tls.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { cookie: session.cookie },
        });
        expect(mine.statusCode).toBe(200);
      } finally {
        await tls.close();
      }
    });
  });

  describe('timeouts and revocation (SEC-4)', () => {
    it('ends a staff session after 31 idle minutes with SESSION_EXPIRED', async () => {
      const user = await userWithRole(t, 'grid_worker', county.gridA);
      const session = await sessionFor(t.platform, user.id);
      t.clock.advance(29 * MINUTE_MS);
      expect((await me(session)).statusCode).toBe(200);
      t.clock.advance(31 * MINUTE_MS);
      const expired = await me(session);
      expect(expired.statusCode).toBe(401);
      expect(errorCode(expired)).toBe('SESSION_EXPIRED');
    });

    it('ends a busy staff session after 12 hours', async () => {
      const user = await userWithRole(t, 'county_admin', county.county);
      const session = await sessionFor(t.platform, user.id);
      for (let elapsed = 0; elapsed < 12 * HOUR_MS - 20 * MINUTE_MS; elapsed += 20 * MINUTE_MS) {
        t.clock.advance(20 * MINUTE_MS);
        expect((await me(session)).statusCode).toBe(200);
      }
      t.clock.advance(20 * MINUTE_MS);
      expect(errorCode(await me(session))).toBe('SESSION_EXPIRED');
    });

    it('keeps a resident session across a long idle pause', async () => {
      const user = await userWithRole(t, 'resident', county.compoundA);
      const session = await sessionFor(t.platform, user.id);
      t.clock.advance(6 * HOUR_MS);
      expect((await me(session)).statusCode).toBe(200);
    });

    it('ends the session at once when the account is disabled', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const session = await sessionFor(t.platform, user.id);
      expect((await me(session)).statusCode).toBe(200);
      await t.platform.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', user.id).execute();
      expect((await me(session)).statusCode).toBe(401);
    });
  });

  describe('POST /auth/logout', () => {
    it('revokes the session, clears the cookie and is audited; the old cookie is then worthless', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const session = sessionFrom(await login(t, user.username, TEST_PASSWORD));
      const response = await as(t.app, session).post('/api/v1/auth/logout');
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      const [cleared] = setCookies(response);
      expect(cleared?.name).toBe('linli_sid');
      expect(cleared?.value).toBe('');
      expect((await me(session)).statusCode).toBe(401);
      const logouts = (await auditRows(t, 'auth.logout')).filter((r) => r.actor_id === user.id);
      expect(logouts).toHaveLength(1);
    });

    it('refuses a signed-in logout without the CSRF token (WEB-2)', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const session = await sessionFor(t.platform, user.id);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: session.cookie },
      });
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('CSRF_REJECTED');
      expect((await me(session)).statusCode).toBe(200);
    });

    it('answers 204 without a session: there is nothing to end', async () => {
      expect((await as(t.app, null).post('/api/v1/auth/logout')).statusCode).toBe(204);
    });
  });
});
