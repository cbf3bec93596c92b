import { ADMIN_ROLES } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, buildCounty, createUser, sessionFor, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type Session, type TestApp } from '../../../test/harness.ts';

describe('role assignment (三权分立)', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let sec: Session;
  let sys: Session;

  const rolesOf = (userId: string) =>
    t.platform.db.selectFrom('role_assignment').select(['id', 'role']).where('user_id', '=', userId).execute();
  const assign = (session: Session | null, userId: string, body: Record<string, unknown>) =>
    as(t.app, session).post(`/api/v1/accounts/${userId}/roles`, body);

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
    sec = await signInAs(t.platform, 'security_admin', county.county);
    sys = await signInAs(t.platform, 'sys_admin', county.county);
  });
  afterAll(() => t.close());

  describe('POST /accounts/:id/roles', () => {
    it('answers 401 without a session', async () => {
      const user = await createUser(t.platform);
      const body = { role: 'grid_worker', scopeKind: 'grid', scopeId: county.gridA.id };
      expect((await assign(null, user.id, body)).statusCode).toBe(401);
    });

    it('refuses sys_admin, who manages accounts but never grants roles', async () => {
      const user = await createUser(t.platform);
      const response = await assign(sys, user.id, {
        role: 'county_admin',
        scopeKind: 'org',
        scopeId: county.county.id,
      });
      expect(response.statusCode).toBe(403);
      expect(await rolesOf(user.id)).toEqual([]);
    });

    it('refuses anyone changing their own roles', async () => {
      const response = await assign(sec, sec.userId, {
        role: 'county_admin',
        scopeKind: 'org',
        scopeId: county.county.id,
      });
      expect(response.statusCode).toBe(403);
      expect((await rolesOf(sec.userId)).map((r) => r.role)).toEqual(['security_admin']);
    });

    it('refuses a scope outside the assigner’s subtree', async () => {
      const townSec = await signInAs(t.platform, 'security_admin', county.committee);
      const user = await createUser(t.platform);
      const outside = await assign(townSec, user.id, {
        role: 'committee_admin',
        scopeKind: 'org',
        scopeId: county.otherCommittee.id,
      });
      expect(outside.statusCode).toBe(403);
      const inside = await assign(townSec, user.id, {
        role: 'committee_admin',
        scopeKind: 'org',
        scopeId: county.committee.id,
      });
      expect(inside.statusCode).toBe(201);
    });

    it('answers 400 for a bad role, a scope kind the role is not assigned on, or an unknown scope', async () => {
      const user = await createUser(t.platform);
      const cases = [
        { role: 'emperor', scopeKind: 'org', scopeId: county.county.id },
        { role: 'grid_worker', scopeKind: 'org', scopeId: county.county.id },
        { role: 'branch_secretary', scopeKind: 'compound', scopeId: county.gridA.id },
        { role: 'county_admin', scopeKind: 'org', scopeId: 'not-a-uuid' },
      ];
      for (const body of cases) {
        const response = await assign(sec, user.id, body);
        expect(response.statusCode).toBe(400);
        expect(errorCode(response)).toBe('VALIDATION_FAILED');
      }
      expect(await rolesOf(user.id)).toEqual([]);
      const missing = await assign(sec, '01900000-0000-7000-8000-000000000000', {
        role: 'county_admin',
        scopeKind: 'org',
        scopeId: county.county.id,
      });
      expect(missing.statusCode).toBe(404);
    });

    it('grants a role over a scope, shows it on the account and audits it', async () => {
      const user = await createUser(t.platform);
      const response = await assign(sec, user.id, {
        role: 'branch_secretary',
        scopeKind: 'compound',
        scopeId: county.compoundA.id,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().roles).toEqual([
        expect.objectContaining({ role: 'branch_secretary', scopeKind: 'compound', scopeName: '金碧花园' }),
      ]);
      const [row] = await t.platform.db
        .selectFrom('role_assignment')
        .selectAll()
        .where('user_id', '=', user.id)
        .execute();
      expect(row).toMatchObject({ scope_path: county.compoundA.path, created_by: sec.userId });
      const audit = await t.platform.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'role.assign')
        .where('object_id', '=', user.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ role: 'branch_secretary', scopeName: '金碧花园' });

      const twice = await assign(sec, user.id, {
        role: 'branch_secretary',
        scopeKind: 'compound',
        scopeId: county.compoundA.id,
      });
      expect(twice.statusCode).toBe(409);
      expect(errorCode(twice)).toBe('DUPLICATE');
    });

    it('answers 409 ROLE_CONFLICT for every pair of different administrator roles (SEC-9)', async () => {
      for (const held of ADMIN_ROLES) {
        for (const adding of ADMIN_ROLES.filter((r) => r !== held)) {
          const user = await createUser(t.platform);
          await assignRole(t.platform, user.id, held, county.county);
          const response = await assign(sec, user.id, { role: adding, scopeKind: 'org', scopeId: county.county.id });
          expect(response.statusCode, `${held} + ${adding}`).toBe(409);
          expect(errorCode(response)).toBe('ROLE_CONFLICT');
          expect((await rolesOf(user.id)).map((r) => r.role)).toEqual([held]);
        }
      }
      const twoScopes = await createUser(t.platform);
      await assignRole(t.platform, twoScopes.id, 'sys_admin', county.committee);
      const same = await assign(sec, twoScopes.id, {
        role: 'sys_admin',
        scopeKind: 'org',
        scopeId: county.otherCommittee.id,
      });
      expect(same.statusCode).toBe(201);
    });

    it('lets only one of two concurrent administrator grants on one account through', async () => {
      const user = await createUser(t.platform);
      const responses = await Promise.all(
        (['sys_admin', 'auditor'] as const).map((role) =>
          assign(sec, user.id, { role, scopeKind: 'org', scopeId: county.county.id }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await rolesOf(user.id)).toHaveLength(1);
    });
  });

  describe('DELETE /accounts/:id/roles/:assignmentId', () => {
    async function secretary(): Promise<{ userId: string; assignmentId: string }> {
      const user = await createUser(t.platform);
      await assignRole(t.platform, user.id, 'branch_secretary', county.compoundA);
      const [row] = await rolesOf(user.id);
      return { userId: user.id, assignmentId: row?.id ?? '' };
    }

    it('answers 401 without a session, 400 for a bad id and 404 for an unknown assignment', async () => {
      const { userId, assignmentId } = await secretary();
      expect((await as(t.app, null).delete(`/api/v1/accounts/${userId}/roles/${assignmentId}`)).statusCode).toBe(401);
      expect((await as(t.app, sec).delete(`/api/v1/accounts/${userId}/roles/nope`)).statusCode).toBe(400);
      const other = await secretary();
      const mismatched = await as(t.app, sec).delete(`/api/v1/accounts/${userId}/roles/${other.assignmentId}`);
      expect(mismatched.statusCode).toBe(404);
    });

    it('refuses sys_admin, an out-of-scope security administrator and oneself', async () => {
      const { userId, assignmentId } = await secretary();
      expect((await as(t.app, sys).delete(`/api/v1/accounts/${userId}/roles/${assignmentId}`)).statusCode).toBe(403);
      const otherTown = await signInAs(t.platform, 'security_admin', county.otherCommittee);
      expect((await as(t.app, otherTown).delete(`/api/v1/accounts/${userId}/roles/${assignmentId}`)).statusCode).toBe(
        403,
      );
      const [own] = await rolesOf(sec.userId);
      expect((await as(t.app, sec).delete(`/api/v1/accounts/${sec.userId}/roles/${own?.id}`)).statusCode).toBe(403);
      expect(await rolesOf(userId)).toHaveLength(1);
    });

    it('removes the assignment and audits it', async () => {
      const { userId, assignmentId } = await secretary();
      const response = await as(t.app, sec).delete(`/api/v1/accounts/${userId}/roles/${assignmentId}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().roles).toEqual([]);
      expect(await rolesOf(userId)).toEqual([]);
      const audit = await t.platform.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'role.revoke')
        .where('object_id', '=', userId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ assignmentId, role: 'branch_secretary' });
    });

    it('takes effect on the same session’s very next request (SEC-13)', async () => {
      const admin = await createUser(t.platform);
      await assignRole(t.platform, admin.id, 'sys_admin', county.county);
      const session = await sessionFor(t.platform, admin.id);
      expect((await as(t.app, session).get('/api/v1/accounts')).statusCode).toBe(200);

      const [row] = await rolesOf(admin.id);
      const revoked = await as(t.app, sec).delete(`/api/v1/accounts/${admin.id}/roles/${row?.id}`);
      expect(revoked.statusCode).toBe(200);

      const next = await as(t.app, session).get('/api/v1/accounts');
      expect(next.statusCode).toBe(403);
      expect(errorCode(next)).toBe('FORBIDDEN');
    });
  });
});
