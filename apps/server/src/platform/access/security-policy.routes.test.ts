import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { DEFAULT_PASSWORD_POLICY, getPasswordPolicy } from '../auth/password-policy.ts';

const STRICTER = { minLength: 14, minClasses: 4, maxAgeDays: 60, lockoutThreshold: 5, lockoutMinutes: 30 };

describe('security policy', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let sec: Session;
  let sys: Session;

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
    sec = await signInAs(t.platform, 'security_admin', county.county);
    sys = await signInAs(t.platform, 'sys_admin', county.county);
  });
  afterAll(() => t.close());

  it('answers 401 without a session on both verbs', async () => {
    expect((await as(t.app, null).get('/api/v1/security/password-policy')).statusCode).toBe(401);
    const put = await as(t.app, null).put('/api/v1/security/password-policy', STRICTER, { 'if-match': '"v0"' });
    expect(put.statusCode).toBe(401);
  });

  it('refuses sys_admin, and a security administrator below the county root may read but not change it', async () => {
    expect((await as(t.app, sys).get('/api/v1/security/password-policy')).statusCode).toBe(403);
    const put = await as(t.app, sys).put('/api/v1/security/password-policy', STRICTER, { 'if-match': '"v0"' });
    expect(put.statusCode).toBe(403);
    const townSec = await signInAs(t.platform, 'security_admin', county.committee);
    expect((await as(t.app, townSec).get('/api/v1/security/password-policy')).statusCode).toBe(200);
    const townPut = await as(t.app, townSec).put('/api/v1/security/password-policy', STRICTER, { 'if-match': '"v0"' });
    expect(townPut.statusCode).toBe(403);
    expect(await getPasswordPolicy(t.platform.db)).toEqual(DEFAULT_PASSWORD_POLICY);
  });

  it('answers 400 for values outside the allowed ranges or unknown fields', async () => {
    for (const body of [
      { ...STRICTER, minLength: 4 },
      { ...STRICTER, lockoutThreshold: 50 },
      { ...STRICTER, minClasses: 'all' },
      { ...STRICTER, disableAudit: true },
    ]) {
      const response = await as(t.app, sec).put('/api/v1/security/password-policy', body, { 'if-match': '"v0"' });
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });

  it('serves the defaults as version 0, saves a new policy with If-Match and audits the change', async () => {
    const first = await as(t.app, sec).get('/api/v1/security/password-policy');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual(DEFAULT_PASSWORD_POLICY);
    expect(first.headers.etag).toBe('"v0"');

    const saved = await as(t.app, sec).put('/api/v1/security/password-policy', STRICTER, {
      'if-match': first.headers.etag ?? '',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(STRICTER);
    expect(saved.headers.etag).toBe('"v1"');
    expect(await getPasswordPolicy(t.platform.db)).toEqual(STRICTER);

    const audit = await t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'security.policy_change')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(sec.userId);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ before: DEFAULT_PASSWORD_POLICY, after: STRICTER });

    const created = await as(t.app, sys).post('/api/v1/accounts', { username: 'after.policy', displayName: '新策略' });
    expect(created.json().oneTimePassword.length).toBeGreaterThanOrEqual(16);
    expect(created.json().oneTimePassword).toMatch(/[^A-Za-z0-9]/);
  });
});
