import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { getPasswordPolicy } from '../auth/password-policy.ts';

const POLICY_A = { minLength: 12, minClasses: 3, maxAgeDays: 90, lockoutThreshold: 5, lockoutMinutes: 15 };
const POLICY_B = { minLength: 16, minClasses: 4, maxAgeDays: 30, lockoutThreshold: 3, lockoutMinutes: 60 };

/** REL-7 on `PUT /security/password-policy`: edits never silently overwrite each other. */
describe('optimistic concurrency on the password policy (REL-7)', () => {
  let t: TestApp;
  let a: Session;
  let b: Session;
  const url = '/api/v1/security/password-policy';

  beforeAll(async () => {
    t = await createTestApp();
    const county = await buildCounty(t.platform);
    a = await signInAs(t.platform, 'security_admin', county.county, '安全员甲');
    b = await signInAs(t.platform, 'security_admin', county.county, '安全员乙');
  });
  afterAll(() => t.close());

  it('answers 428 when If-Match is missing or malformed', async () => {
    const missing = await as(t.app, a).put(url, POLICY_A);
    expect(missing.statusCode).toBe(428);
    expect(errorCode(missing)).toBe('VERSION_REQUIRED');
    expect((await as(t.app, a).put(url, POLICY_A, { 'if-match': '*' })).statusCode).toBe(428);
  });

  it('keeps A’s save when B saves with the version both read (412)', async () => {
    await as(t.app, a).put(url, POLICY_A, { 'if-match': '"v0"' });
    const readA = await as(t.app, a).get(url);
    const readB = await as(t.app, b).get(url);
    expect(readA.headers.etag).toBe('"v1"');
    expect(readB.headers.etag).toBe('"v1"');

    const saveA = await as(t.app, a).put(url, { ...POLICY_A, minLength: 13 }, { 'if-match': readA.headers.etag ?? '' });
    expect(saveA.statusCode).toBe(200);
    expect(saveA.headers.etag).toBe('"v2"');
    const saveB = await as(t.app, b).put(url, POLICY_B, { 'if-match': readB.headers.etag ?? '' });
    expect(saveB.statusCode).toBe(412);
    expect(errorCode(saveB)).toBe('VERSION_STALE');

    expect(await getPasswordPolicy(t.platform.db)).toEqual({ ...POLICY_A, minLength: 13 });
    const changes = await t.platform.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'security.policy_change')
      .execute();
    expect(changes.map((c) => c.actor_id)).toEqual([a.userId, a.userId]);
  });

  it('lets only one of two first saves of the defaults (v0) through', async () => {
    const fresh = await createTestApp();
    try {
      const county = await buildCounty(fresh.platform);
      const one = await signInAs(fresh.platform, 'security_admin', county.county);
      const two = await signInAs(fresh.platform, 'security_admin', county.county);
      const [r1, r2] = await Promise.all([
        as(fresh.app, one).put(url, POLICY_A, { 'if-match': '"v0"' }),
        as(fresh.app, two).put(url, POLICY_B, { 'if-match': '"v0"' }),
      ]);
      expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 412]);
      const winner = r1.statusCode === 200 ? POLICY_A : POLICY_B;
      expect(await getPasswordPolicy(fresh.platform.db)).toEqual(winner);
    } finally {
      await fresh.close();
    }
  });
});
