import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, buildCounty, createUser, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { PASSWORD_POLICY_KEY } from '../auth/password-policy.ts';

const MATRIX_ROLES = ['sys_admin', 'security_admin', 'auditor', 'county_admin'] as const;
type MatrixRole = (typeof MATRIX_ROLES)[number];

/**
 * SEC-9: who may call each administrators' endpoint — the expected table, written once. Every cell not listed
 * must answer 403. A route under /accounts, /security or /audit missing from this table fails the test.
 */
const ALLOWED: Record<string, readonly MatrixRole[]> = {
  'GET /accounts': ['sys_admin', 'security_admin'],
  'POST /accounts': ['sys_admin'],
  'GET /accounts/:id': ['sys_admin', 'security_admin'],
  'POST /accounts/:id/status': ['sys_admin'],
  'POST /accounts/:id/unlock': ['security_admin'],
  'POST /accounts/:id/roles': ['security_admin'],
  'DELETE /accounts/:id/roles/:assignmentId': ['security_admin'],
  'GET /security/password-policy': ['security_admin'],
  'PUT /security/password-policy': ['security_admin'],
  'GET /audit': ['auditor'],
  'GET /audit/verify': ['auditor'],
};

const ADMIN_AREAS = /^\/api\/v1\/(accounts|security|audit)(\/|$)/;

describe('三权分立 matrix of the administrators’ endpoints (SEC-9)', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  const sessions = {} as Record<MatrixRole, Session>;
  let counter = 0;

  /** A fresh grid worker for each call, so an allowed call never changes what the next one sees. */
  async function target(withRole = true): Promise<{ id: string; assignmentId: string }> {
    const user = await createUser(t.platform);
    if (!withRole) return { id: user.id, assignmentId: '' };
    await assignRole(t.platform, user.id, 'grid_worker', county.gridA);
    const row = await t.platform.db
      .selectFrom('role_assignment')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    return { id: user.id, assignmentId: row.id };
  }

  async function policyEtag(): Promise<string> {
    const row = await t.platform.db
      .selectFrom('setting')
      .select('version')
      .where('key', '=', PASSWORD_POLICY_KEY)
      .executeTakeFirst();
    return `"v${row ? Number(row.version) : 0}"`;
  }

  const CALLS: Record<string, (s: Session) => Promise<LightMyRequestResponse>> = {
    'GET /accounts': (s) => as(t.app, s).get('/api/v1/accounts'),
    'POST /accounts': (s) => {
      counter += 1;
      return as(t.app, s).post('/api/v1/accounts', { username: `matrix.${counter}`, displayName: '矩阵账号' });
    },
    'GET /accounts/:id': async (s) => as(t.app, s).get(`/api/v1/accounts/${(await target()).id}`),
    'POST /accounts/:id/status': async (s) =>
      as(t.app, s).post(`/api/v1/accounts/${(await target()).id}/status`, { status: 'disabled' }),
    'POST /accounts/:id/unlock': async (s) => as(t.app, s).post(`/api/v1/accounts/${(await target()).id}/unlock`),
    'POST /accounts/:id/roles': async (s) =>
      as(t.app, s).post(`/api/v1/accounts/${(await target(false)).id}/roles`, {
        role: 'grid_worker',
        scopeKind: 'grid',
        scopeId: county.gridA.id,
      }),
    'DELETE /accounts/:id/roles/:assignmentId': async (s) => {
      const { id, assignmentId } = await target();
      return as(t.app, s).delete(`/api/v1/accounts/${id}/roles/${assignmentId}`);
    },
    'GET /security/password-policy': (s) => as(t.app, s).get('/api/v1/security/password-policy'),
    'PUT /security/password-policy': async (s) =>
      as(t.app, s).put(
        '/api/v1/security/password-policy',
        { minLength: 12, minClasses: 3, maxAgeDays: 90, lockoutThreshold: 5, lockoutMinutes: 15 },
        { 'if-match': await policyEtag() },
      ),
    'GET /audit': (s) => as(t.app, s).get('/api/v1/audit'),
    'GET /audit/verify': (s) => as(t.app, s).get('/api/v1/audit/verify'),
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
    for (const role of MATRIX_ROLES) sessions[role] = await signInAs(t.platform, role, county.county);
  });
  afterAll(() => t.close());

  it('covers every registered route of the administrators’ areas', () => {
    const spec = t.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    const registered = Object.entries(spec.paths ?? {})
      .filter(([path]) => ADMIN_AREAS.test(path))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map(
          (method) => `${method.toUpperCase()} ${path.replace('/api/v1', '').replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      );
    expect(registered.sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  const cells = Object.entries(ALLOWED).flatMap(([endpoint, allowed]) =>
    MATRIX_ROLES.map((role) => ({ endpoint, role, allowed: allowed.includes(role) })),
  );

  it.each(cells)('$endpoint as $role → allowed: $allowed', async ({ endpoint, role, allowed }) => {
    const call = CALLS[endpoint];
    if (!call) throw new Error(`no call for ${endpoint}`);
    const response = await call(sessions[role]);
    if (allowed) {
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      expect(response.statusCode, response.body).toBe(403);
    }
  });
});
