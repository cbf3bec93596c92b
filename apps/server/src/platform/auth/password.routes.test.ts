import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, sessionFor, TEST_PASSWORD } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRows, freshIp, login, postAnon, sessionFrom, userWithRole } from './auth-test-kit.ts';

const NEW_PASSWORD = 'Fresh-Cedar-2027!';

describe('passwords', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  describe('POST /auth/password/initial', () => {
    const changeTokenFor = async (userId: string, username: string): Promise<string> => {
      await t.platform.db.updateTable('app_user').set({ must_change_password: 1 }).where('id', '=', userId).execute();
      const response = await login(t, username, TEST_PASSWORD);
      expect(response.json().status).toBe('password_change_required');
      return response.json().changeToken;
    };
    const initial = (changeToken: string, newPassword: string) =>
      postAnon(t.app, '/api/v1/auth/password/initial', { changeToken, newPassword });

    it('answers 400 for a missing field and 401 for an unknown change token', async () => {
      expect((await postAnon(t.app, '/api/v1/auth/password/initial', { newPassword: NEW_PASSWORD })).statusCode).toBe(
        400,
      );
      const unknown = await initial('y'.repeat(43), NEW_PASSWORD);
      expect(unknown.statusCode).toBe(401);
    });

    it('rejects a password against the policy with the reasons', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const token = await changeTokenFor(user.id, user.username);
      const weak = await initial(token, 'short');
      expect(weak.statusCode).toBe(400);
      expect(errorCode(weak)).toBe('PASSWORD_POLICY');
      expect(weak.json().error.details.problems).toEqual(expect.arrayContaining(['too_short', 'too_few_classes']));
      const reused = await initial(token, TEST_PASSWORD);
      expect(reused.json().error.details.problems).toContain('reused');
      const withName = await initial(token, `${user.username}-Aa-99`);
      expect(withName.json().error.details.problems).toContain('contains_context_word');
    });

    it('sets the password and signs a member in; the change token works once', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const token = await changeTokenFor(user.id, user.username);
      const response = await initial(token, NEW_PASSWORD);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'ok', me: { id: user.id } });
      sessionFrom(response);
      const row = await t.platform.db
        .selectFrom('app_user')
        .select(['must_change_password', 'password_changed_at'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ must_change_password: 0, password_changed_at: t.clock.now().toISOString() });
      expect((await initial(token, 'Another-Pass-2028!')).statusCode).toBe(401);
      expect((await login(t, user.username, NEW_PASSWORD)).json().status).toBe('ok');
      expect((await login(t, user.username, TEST_PASSWORD)).statusCode).toBe(401);
      const changes = (await auditRows(t, 'auth.password_change')).filter((r) => r.object_id === user.id);
      expect(changes).toHaveLength(1);
    });

    it('continues to the TOTP step for staff instead of starting a session', async () => {
      const user = await userWithRole(t, 'grid_worker', county.gridA);
      const token = await changeTokenFor(user.id, user.username);
      const response = await initial(token, NEW_PASSWORD);
      expect(response.json()).toEqual({ status: 'mfa_required', mfaToken: expect.any(String), enrolled: false });
      expect(response.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('POST /auth/password', () => {
    /** Each from its own address: this route allows 5 a minute per address. */
    const change = (session: Session | null, body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        remoteAddress: freshIp(),
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
        payload: body as Record<string, unknown>,
      });

    it('answers 401 without a session', async () => {
      const response = await change(null, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    });

    it('answers 403 without the CSRF token (WEB-2)', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const session = await sessionFor(t.platform, user.id);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie: session.cookie },
        payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('CSRF_REJECTED');
    });

    it('requires the current password (400 when missing or wrong, the wrong one audited)', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const session = await sessionFor(t.platform, user.id);
      expect((await change(session, { newPassword: NEW_PASSWORD })).statusCode).toBe(400);
      const wrong = await change(session, { currentPassword: 'Not-the-one-1', newPassword: NEW_PASSWORD });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details.issues[0].path).toBe('body.currentPassword');
      const failures = (await auditRows(t, 'auth.password_change')).filter(
        (r) => r.object_id === user.id && r.outcome === 'failure',
      );
      expect(failures).toHaveLength(1);
    });

    it('checks the policy', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const session = await sessionFor(t.platform, user.id);
      const response = await change(session, { currentPassword: TEST_PASSWORD, newPassword: 'password1' });
      expect(errorCode(response)).toBe('PASSWORD_POLICY');
    });

    it('changes the password, keeps this session and ends the others, audited', async () => {
      const user = await userWithRole(t, 'member', county.compoundA);
      const here = await sessionFor(t.platform, user.id);
      const elsewhere = await sessionFor(t.platform, user.id);
      const response = await change(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(response.statusCode).toBe(204);
      expect((await as(t.app, here).get('/api/v1/auth/me')).statusCode).toBe(200);
      expect((await as(t.app, elsewhere).get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await login(t, user.username, NEW_PASSWORD)).json().status).toBe('ok');
      const changes = (await auditRows(t, 'auth.password_change')).filter((r) => r.object_id === user.id);
      expect(changes.map((r) => [r.outcome, r.actor_id])).toEqual([['success', user.id]]);
    });
  });
});
