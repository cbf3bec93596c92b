import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, buildCounty, createUser, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from '../auth/password-policy.ts';

describe('accounts: list, detail and create', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let sys: Session;
  let sec: Session;
  let committeeSys: Session;
  let inCommittee: { id: string };
  let inOther: { id: string };
  let unassigned: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
    sys = await signInAs(t.platform, 'sys_admin', county.county, '系统管理员甲');
    sec = await signInAs(t.platform, 'security_admin', county.county, '安全管理员甲');
    committeeSys = await signInAs(t.platform, 'sys_admin', county.committee, '镇系统管理员');
    inCommittee = await createUser(t.platform, {
      username: 'jinbi.secretary',
      displayName: '金碧书记',
      phone: '13912345678',
    });
    await assignRole(t.platform, inCommittee.id, 'branch_secretary', county.compoundA);
    inOther = await createUser(t.platform, { username: 'longquan.worker', displayName: '龙泉网格员' });
    await assignRole(t.platform, inOther.id, 'branch_committee', county.compoundB);
    unassigned = await createUser(t.platform, { username: 'fresh.account', displayName: '新账号' });
  });
  afterAll(() => t.close());

  describe('GET /accounts', () => {
    it('answers 401 without a session', async () => {
      const response = await as(t.app, null).get('/api/v1/accounts');
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    });

    it('refuses a county admin and an auditor, who have no account.read', async () => {
      for (const role of ['county_admin', 'auditor'] as const) {
        const session = await signInAs(t.platform, role, county.county);
        const response = await as(t.app, session).get('/api/v1/accounts');
        expect(response.statusCode).toBe(403);
        expect(errorCode(response)).toBe('FORBIDDEN');
      }
    });

    it('answers 400 for a bad filter', async () => {
      const bad = await as(t.app, sys).get('/api/v1/accounts?status=sleeping');
      expect(bad.statusCode).toBe(400);
      expect(errorCode(bad)).toBe('VALIDATION_FAILED');
      const badCursor = await as(t.app, sys).get('/api/v1/accounts?cursor=nonsense');
      expect(badCursor.statusCode).toBe(400);
    });

    it('shows the county-root administrator every account, phones masked', async () => {
      const response = await as(t.app, sys).get('/api/v1/accounts?limit=200');
      expect(response.statusCode).toBe(200);
      const items = response.json().items as Array<{ id: string; phoneMasked: string | null; roles: unknown[] }>;
      const ids = items.map((a) => a.id);
      expect(ids).toEqual(expect.arrayContaining([inCommittee.id, inOther.id, unassigned.id, sys.userId]));
      const secretary = items.find((a) => a.id === inCommittee.id);
      expect(secretary?.phoneMasked).toBe('139****5678');
      expect(JSON.stringify(response.json())).not.toContain('13912345678');
      expect(secretary?.roles).toEqual([
        expect.objectContaining({ role: 'branch_secretary', scopeKind: 'compound', scopeName: '金碧花园' }),
      ]);
    });

    it('limits an administrator below the root to accounts assigned inside their subtree', async () => {
      const response = await as(t.app, committeeSys).get('/api/v1/accounts?limit=200');
      const ids = (response.json().items as Array<{ id: string }>).map((a) => a.id);
      expect(ids).toContain(inCommittee.id);
      expect(ids).toContain(committeeSys.userId);
      expect(ids).not.toContain(inOther.id);
      expect(ids).not.toContain(unassigned.id);
      expect(ids).not.toContain(sys.userId);
    });

    it('filters by text, role and status and pages with a cursor', async () => {
      const byName = await as(t.app, sec).get(`/api/v1/accounts?q=${encodeURIComponent('金碧')}`);
      expect(byName.json().items.map((a: { id: string }) => a.id)).toEqual([inCommittee.id]);
      const byUsername = await as(t.app, sec).get('/api/v1/accounts?q=LONGQUAN');
      expect(byUsername.json().items.map((a: { id: string }) => a.id)).toEqual([inOther.id]);
      const byRole = await as(t.app, sec).get('/api/v1/accounts?role=branch_committee');
      expect(byRole.json().items.map((a: { id: string }) => a.id)).toEqual([inOther.id]);
      const wildcard = await as(t.app, sec).get('/api/v1/accounts?q=%25');
      expect(wildcard.json().items).toEqual([]);

      await t.platform.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', inOther.id).execute();
      const disabled = await as(t.app, sec).get('/api/v1/accounts?status=disabled');
      expect(disabled.json().items.map((a: { id: string }) => a.id)).toEqual([inOther.id]);
      await t.platform.db.updateTable('app_user').set({ status: 'active' }).where('id', '=', inOther.id).execute();

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const suffix: string = cursor ? `&cursor=${cursor}` : '';
        const page = await as(t.app, sec).get(`/api/v1/accounts?limit=2${suffix}`);
        expect(page.statusCode).toBe(200);
        seen.push(...page.json().items.map((a: { id: string }) => a.id));
        cursor = page.json().nextCursor;
      } while (cursor);
      const all = await as(t.app, sec).get('/api/v1/accounts?limit=200');
      expect(seen).toEqual(all.json().items.map((a: { id: string }) => a.id));
      expect(new Set(seen).size).toBe(seen.length);
    });
  });

  describe('GET /accounts/:id', () => {
    it('answers 401, 400 for a bad id and 404 for an unknown one', async () => {
      expect((await as(t.app, null).get(`/api/v1/accounts/${inCommittee.id}`)).statusCode).toBe(401);
      expect((await as(t.app, sys).get('/api/v1/accounts/not-a-uuid')).statusCode).toBe(400);
      const missing = await as(t.app, sys).get('/api/v1/accounts/01900000-0000-7000-8000-000000000000');
      expect(missing.statusCode).toBe(404);
    });

    it('refuses an account outside the caller’s subtree', async () => {
      const response = await as(t.app, committeeSys).get(`/api/v1/accounts/${inOther.id}`);
      expect(response.statusCode).toBe(403);
      expect((await as(t.app, committeeSys).get(`/api/v1/accounts/${unassigned.id}`)).statusCode).toBe(403);
    });

    it('returns the account with an ETag and the abilities of the caller', async () => {
      const bySys = await as(t.app, sys).get(`/api/v1/accounts/${inCommittee.id}`);
      expect(bySys.statusCode).toBe(200);
      expect(bySys.headers.etag).toBe(`"v${bySys.json().version}"`);
      expect(bySys.json()).toMatchObject({
        id: inCommittee.id,
        username: 'jinbi.secretary',
        status: 'active',
        abilities: { setStatus: true, unlock: false, assignRole: false },
      });
      const bySec = await as(t.app, sec).get(`/api/v1/accounts/${inCommittee.id}`);
      expect(bySec.json().abilities).toEqual({ setStatus: false, unlock: true, assignRole: true });
      const self = await as(t.app, sys).get(`/api/v1/accounts/${sys.userId}`);
      expect(self.json().abilities.setStatus).toBe(false);
    });
  });

  describe('POST /accounts', () => {
    it('answers 401 without a session', async () => {
      const response = await as(t.app, null).post('/api/v1/accounts', { username: 'nobody', displayName: '无名' });
      expect(response.statusCode).toBe(401);
    });

    it('refuses the security administrator: only sys_admin creates accounts (三权分立)', async () => {
      const response = await as(t.app, sec).post('/api/v1/accounts', { username: 'sneaky', displayName: '偷建' });
      expect(response.statusCode).toBe(403);
      expect(
        await t.platform.db.selectFrom('app_user').where('username', '=', 'sneaky').select('id').execute(),
      ).toEqual([]);
    });

    it('answers 400 for a bad username, a bad phone or an unknown field', async () => {
      for (const body of [
        { username: 'x', displayName: '短' },
        { username: 'valid.name', displayName: '号码', phone: '12345' },
        { username: 'valid.name', displayName: '角色', role: 'sys_admin' },
        { username: 'valid.name', displayName: '' },
      ]) {
        const response = await as(t.app, sys).post('/api/v1/accounts', body);
        expect(response.statusCode).toBe(400);
        expect(errorCode(response)).toBe('VALIDATION_FAILED');
      }
    });

    it('creates an account with a one-time password that passes the policy and must be changed (SEC-7)', async () => {
      const response = await as(t.app, sys).post('/api/v1/accounts', {
        username: 'Grid.Worker7',
        displayName: '网格员七号',
        phone: '13800001111',
      });
      expect(response.statusCode).toBe(201);
      const { account, oneTimePassword } = response.json();
      expect(account).toMatchObject({
        username: 'grid.worker7',
        displayName: '网格员七号',
        phoneMasked: '138****1111',
        status: 'active',
        roles: [],
        totpEnrolled: false,
        lastLoginAt: null,
      });
      expect(passwordProblems(oneTimePassword, DEFAULT_PASSWORD_POLICY, { username: 'grid.worker7' })).toEqual([]);
      const row = await t.platform.db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(1);
      expect(row.password_hash).not.toContain(oneTimePassword);
      expect(await verify(row.password_hash ?? '', oneTimePassword)).toBe(true);
      expect(row.phone_cipher).not.toContain('13800001111');

      const audit = await t.platform.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'account.create')
        .where('object_id', '=', account.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor_id).toBe(sys.userId);
      expect(audit[0]?.details).not.toContain(oneTimePassword);
      expect(audit[0]?.details).not.toContain('13800001111');
    });

    it('answers 409 for a taken username or phone, and no account is ever stored without a password (SEC-1)', async () => {
      const taken = await as(t.app, sys).post('/api/v1/accounts', { username: 'jinbi.secretary', displayName: '重名' });
      expect(taken.statusCode).toBe(409);
      expect(errorCode(taken)).toBe('DUPLICATE');
      const phone = await as(t.app, sys).post('/api/v1/accounts', {
        username: 'other.name',
        displayName: '同号',
        phone: '13912345678',
      });
      expect(phone.statusCode).toBe(409);
      const empty = await t.platform.db
        .selectFrom('app_user')
        .select('id')
        .where((eb) => eb.or([eb('password_hash', 'is', null), eb('password_hash', '=', '')]))
        .where('username', 'is not', null)
        .execute();
      expect(empty).toEqual([]);
    });
  });
});
