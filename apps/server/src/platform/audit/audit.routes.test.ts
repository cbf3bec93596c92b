import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type TestApp } from '../../../test/harness.ts';
import { systemCtx } from '../context.ts';
import { appendAudit } from './audit.service.ts';

describe('audit log', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
    const ctx = systemCtx(t.platform);
    for (let i = 0; i < 5; i += 1) {
      await t.platform.db
        .transaction()
        .execute((trx) => appendAudit(trx, ctx, { action: 'test.event', objectId: String(i) }));
    }
  });
  afterAll(() => t.close());

  it('answers 401 without a session', async () => {
    const response = await as(t.app, null).get('/api/v1/audit');
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('refuses a county admin, since only the auditor reads the log (三权分立)', async () => {
    const admin = await signInAs(t.platform, 'county_admin', county.county);
    const response = await as(t.app, admin).get('/api/v1/audit');
    expect(response.statusCode).toBe(403);
  });

  it('answers 400 for a bad filter', async () => {
    const auditor = await signInAs(t.platform, 'auditor', county.county);
    const response = await as(t.app, auditor).get('/api/v1/audit?outcome=maybe');
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
  });

  it('lists entries newest first with a working cursor, and audits the query', async () => {
    const auditor = await signInAs(t.platform, 'auditor', county.county);
    const first = await as(t.app, auditor).get('/api/v1/audit?action=test.event&limit=3');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((e: { objectId: string }) => e.objectId)).toEqual(['4', '3', '2']);
    const second = await as(t.app, auditor).get(`/api/v1/audit?action=test.event&limit=3&cursor=${page1.nextCursor}`);
    expect(second.json().items.map((e: { objectId: string }) => e.objectId)).toEqual(['1', '0']);
    expect(second.json().nextCursor).toBeNull();
    const queries = await as(t.app, auditor).get('/api/v1/audit?action=audit.query');
    expect(queries.json().items.length).toBeGreaterThanOrEqual(2);
  });

  it('verifies the chain and names the first broken link after tampering', async () => {
    const auditor = await signInAs(t.platform, 'auditor', county.county);
    const ok = await as(t.app, auditor).get('/api/v1/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenSeq: null });

    await expect(
      t.platform.db.updateTable('audit_log').set({ action: 'forged' }).where('seq', '=', 2).execute(),
    ).rejects.toThrow(/append-only/);

    if (t.platform.dialect === 'sqlite') {
      await sql`DROP TRIGGER audit_log_no_update`.execute(t.platform.db);
    } else {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(t.platform.db);
    }
    await t.platform.db.updateTable('audit_log').set({ action: 'forged' }).where('seq', '=', 2).execute();
    const broken = await as(t.app, auditor).get('/api/v1/audit/verify');
    expect(broken.json()).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });
});
