import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, buildCounty, createUser, sessionFor, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { MINUTE_MS } from '../clock.ts';

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

describe('account status and unlock', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let sys: Session;
  let sec: Session;

  const auditRows = (action: string, objectId: string) =>
    t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .where('object_id', '=', objectId)
      .execute();

  /** A grid worker in compound A's grid, with a live session of their own. */
  async function worker(): Promise<{ id: string; session: Session }> {
    const user = await createUser(t.platform);
    await assignRole(t.platform, user.id, 'grid_worker', county.gridA);
    return { id: user.id, session: await sessionFor(t.platform, user.id) };
  }

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
    sys = await signInAs(t.platform, 'sys_admin', county.county);
    sec = await signInAs(t.platform, 'security_admin', county.county);
  });
  afterAll(() => t.close());

  describe('POST /accounts/:id/status', () => {
    it('answers 401 without a session and 400 for a bad status or id', async () => {
      const { id } = await worker();
      expect((await as(t.app, null).post(`/api/v1/accounts/${id}/status`, { status: 'disabled' })).statusCode).toBe(
        401,
      );
      const bad = await as(t.app, sys).post(`/api/v1/accounts/${id}/status`, { status: 'locked' });
      expect(bad.statusCode).toBe(400);
      expect(errorCode(bad)).toBe('VALIDATION_FAILED');
      expect((await as(t.app, sys).post('/api/v1/accounts/x/status', { status: 'disabled' })).statusCode).toBe(400);
    });

    it('answers 404 for an unknown account', async () => {
      const response = await as(t.app, sys).post(`/api/v1/accounts/${UNKNOWN_ID}/status`, { status: 'disabled' });
      expect(response.statusCode).toBe(404);
    });

    it('refuses the security administrator, an out-of-scope sys_admin, and anyone acting on themselves', async () => {
      const { id } = await worker();
      expect((await as(t.app, sec).post(`/api/v1/accounts/${id}/status`, { status: 'disabled' })).statusCode).toBe(403);
      const otherTown = await signInAs(t.platform, 'sys_admin', county.otherCommittee);
      expect(
        (await as(t.app, otherTown).post(`/api/v1/accounts/${id}/status`, { status: 'disabled' })).statusCode,
      ).toBe(403);
      const self = await as(t.app, sys).post(`/api/v1/accounts/${sys.userId}/status`, { status: 'disabled' });
      expect(self.statusCode).toBe(403);
      const row = await t.platform.db.selectFrom('app_user').select('status').where('id', '=', id).executeTakeFirst();
      expect(row?.status).toBe('active');
    });

    it('disables an account, ends its sessions at once and audits it; enabling is audited too', async () => {
      const target = await worker();
      expect((await as(t.app, target.session).get('/api/v1/accounts')).statusCode).toBe(403);

      const disabled = await as(t.app, sys).post(`/api/v1/accounts/${target.id}/status`, { status: 'disabled' });
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json()).toMatchObject({ id: target.id, status: 'disabled' });
      const next = await as(t.app, target.session).get('/api/v1/accounts');
      expect(next.statusCode).toBe(401);
      const live = await t.platform.db
        .selectFrom('user_session')
        .select('id')
        .where('user_id', '=', target.id)
        .where('revoked_at', 'is', null)
        .execute();
      expect(live).toEqual([]);
      expect(await auditRows('account.disable', target.id)).toHaveLength(1);

      const again = await as(t.app, sys).post(`/api/v1/accounts/${target.id}/status`, { status: 'disabled' });
      expect(again.statusCode).toBe(200);
      expect(await auditRows('account.disable', target.id)).toHaveLength(1);

      const enabled = await as(t.app, sys).post(`/api/v1/accounts/${target.id}/status`, { status: 'active' });
      expect(enabled.json().status).toBe('active');
      expect(await auditRows('account.enable', target.id)).toHaveLength(1);
    });
  });

  describe('POST /accounts/:id/unlock', () => {
    async function lockedWorker(): Promise<string> {
      const { id } = await worker();
      const until = new Date(t.clock.now().getTime() + 15 * MINUTE_MS).toISOString();
      await t.platform.db
        .updateTable('app_user')
        .set({ failed_logins: 5, locked_until: until })
        .where('id', '=', id)
        .execute();
      return id;
    }

    it('answers 401 without a session, 400 for a bad id and 404 for an unknown account', async () => {
      const id = await lockedWorker();
      expect((await as(t.app, null).post(`/api/v1/accounts/${id}/unlock`)).statusCode).toBe(401);
      expect((await as(t.app, sec).post('/api/v1/accounts/nope/unlock')).statusCode).toBe(400);
      expect((await as(t.app, sec).post(`/api/v1/accounts/${UNKNOWN_ID}/unlock`)).statusCode).toBe(404);
      expect((await as(t.app, sec).post(`/api/v1/accounts/${id}/unlock`, { force: true })).statusCode).toBe(400);
    });

    it('refuses sys_admin: lifting a lockout is the security administrator’s (三权分立)', async () => {
      const id = await lockedWorker();
      const response = await as(t.app, sys).post(`/api/v1/accounts/${id}/unlock`);
      expect(response.statusCode).toBe(403);
      const townSec = await signInAs(t.platform, 'security_admin', county.otherCommittee);
      expect((await as(t.app, townSec).post(`/api/v1/accounts/${id}/unlock`)).statusCode).toBe(403);
    });

    it('shows a locked account as locked and clears the lockout, audited', async () => {
      const id = await lockedWorker();
      const locked = await as(t.app, sec).get('/api/v1/accounts?status=locked&limit=200');
      expect(locked.json().items.map((a: { id: string }) => a.id)).toContain(id);

      const response = await as(t.app, sec).post(`/api/v1/accounts/${id}/unlock`);
      expect(response.statusCode).toBe(200);
      expect(response.json().status).toBe('active');
      const row = await t.platform.db
        .selectFrom('app_user')
        .select(['failed_logins', 'locked_until'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ failed_logins: 0, locked_until: null });
      const audit = await auditRows('account.unlock', id);
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ wasLocked: true });
      const after = await as(t.app, sec).get('/api/v1/accounts?status=locked&limit=200');
      expect(after.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    });
  });
});
