import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type Session, type TestApp } from '../../../test/harness.ts';

/** REL-6 on a real creating POST: `POST /accounts` with an Idempotency-Key. */
describe('idempotent account creation (REL-6)', () => {
  let t: TestApp;
  let sys: Session;

  const accountsNamed = (username: string) =>
    t.platform.db.selectFrom('app_user').select('id').where('username', '=', username).execute();

  beforeAll(async () => {
    t = await createTestApp();
    const county = await buildCounty(t.platform);
    sys = await signInAs(t.platform, 'sys_admin', county.county);
  });
  afterAll(() => t.close());

  it('replays the same 201 body for the same key and body, with one account created', async () => {
    const body = { username: 'retry.me', displayName: '重试' };
    const headers = { 'idempotency-key': 'key-retry-me-0001' };
    const first = await as(t.app, sys).post('/api/v1/accounts', body, headers);
    const second = await as(t.app, sys).post('/api/v1/accounts', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await accountsNamed('retry.me')).toHaveLength(1);
    const audits = await t.platform.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'account.create')
      .where('object_id', '=', first.json().account.id)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('answers 422 for the same key with another body, and creates nothing', async () => {
    const headers = { 'idempotency-key': 'key-reused-0002' };
    const first = await as(t.app, sys).post('/api/v1/accounts', { username: 'first.body', displayName: '甲' }, headers);
    expect(first.statusCode).toBe(201);
    const other = await as(t.app, sys).post(
      '/api/v1/accounts',
      { username: 'second.body', displayName: '乙' },
      headers,
    );
    expect(other.statusCode).toBe(422);
    expect(errorCode(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await accountsNamed('second.body')).toEqual([]);
  });

  it('creates one account from two identical concurrent requests', async () => {
    const body = { username: 'double.click', displayName: '双击' };
    const headers = { 'idempotency-key': 'key-double-click-0003' };
    const responses = await Promise.all([
      as(t.app, sys).post('/api/v1/accounts', body, headers),
      as(t.app, sys).post('/api/v1/accounts', body, headers),
    ]);
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses[0]).toBe(201);
    // The twin either replays the stored 201 or is told the request is a duplicate / still in flight.
    expect([201, 409]).toContain(statuses[1]);
    expect(await accountsNamed('double.click')).toHaveLength(1);
    const replay = await as(t.app, sys).post('/api/v1/accounts', body, headers);
    expect(replay.statusCode).toBe(201);
    const created = responses.find((r) => r.statusCode === 201);
    expect(replay.json()).toEqual(created?.json());
  });
});
