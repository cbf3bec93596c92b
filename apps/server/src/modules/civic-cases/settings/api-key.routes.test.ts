import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import { findApiKeyByKey } from './api-key.repository.ts';

const URL = '/api/v1/civic-api-keys';

describe('Open311 API key routes', () => {
  let t: TestApp;
  let county: CivicCounty;
  let admin: Session;
  let committee: Session;

  beforeAll(async () => {
    const setup = await setupCivicTest('countyAdmin', 'jinbiAdmin');
    ({ t, county } = setup);
    admin = setup.countyAdmin;
    committee = setup.jinbiAdmin;
  });
  afterAll(() => t.close());

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get(URL)).statusCode).toBe(401);
    expect((await as(t.app, null).post(URL, { name: '12345热线' })).statusCode).toBe(401);
    expect((await as(t.app, null).delete(`${URL}/00000000-0000-7000-8000-000000000001`)).statusCode).toBe(401);
  });

  it('is for county configurers only', async () => {
    expect((await as(t.app, committee).get(URL)).statusCode).toBe(403);
    expect((await as(t.app, committee).post(URL, { name: '12345热线' })).statusCode).toBe(403);
    const townAdmin = await signInAs(t.platform, 'county_admin', county.committee);
    expect((await as(t.app, townAdmin).post(URL, { name: '12345热线' })).statusCode).toBe(403);
    expect(await t.platform.db.selectFrom('civic_api_key').selectAll().execute()).toEqual([]);
  });

  it('answers 400 for a missing name or an unknown field', async () => {
    expect((await as(t.app, admin).post(URL, {})).statusCode).toBe(400);
    expect((await as(t.app, admin).post(URL, { name: '热线', key: 'mine' })).statusCode).toBe(400);
    expect((await as(t.app, admin).delete(`${URL}/123`)).statusCode).toBe(400);
  });

  it('issues a key shown once, stores only its hash, lists it without the key and audits without it', async () => {
    const response = await as(t.app, admin).post(URL, { name: '12345热线' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const issued = response.json();
    expect(issued.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued).toMatchObject({
      name: '12345热线',
      prefix: issued.key.slice(0, 8),
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await t.platform.db
      .selectFrom('civic_api_key')
      .selectAll()
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(createHash('sha256').update(issued.key).digest('hex'));
    expect(row.created_by).toBe(admin.userId);
    const list = (await as(t.app, admin).get(URL)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty('key');
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'civic_api_key.create')
      .executeTakeFirstOrThrow();
    expect(audit.details).not.toContain(issued.key);
    expect(JSON.parse(audit.details ?? '{}')).toEqual({ name: '12345热线', prefix: issued.prefix });
  });

  it('finds an active key by its value and stamps its use; unknown keys find nothing', async () => {
    const issued = (await as(t.app, admin).post(URL, { name: '网格通' })).json();
    t.clock.advance(60_000);
    const found = await findApiKeyByKey(t.platform.db, issued.key, t.clock);
    expect(found).toMatchObject({ id: issued.id, last_used_at: t.clock.now().toISOString() });
    expect(await findApiKeyByKey(t.platform.db, `${issued.key}x`, t.clock)).toBeNull();
    expect(await findApiKeyByKey(t.platform.db, '', t.clock)).toBeNull();
    const listed = (await as(t.app, admin).get(URL)).json().items.find((k: { id: string }) => k.id === issued.id);
    expect(listed.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('revokes a key so it no longer works (audited once), and answers 404 for an unknown id', async () => {
    const issued = (await as(t.app, admin).post(URL, { name: '旧系统' })).json();
    expect((await as(t.app, committee).delete(`${URL}/${issued.id}`)).statusCode).toBe(403);
    expect((await as(t.app, admin).delete(`${URL}/${issued.id}`)).statusCode).toBe(204);
    expect(await findApiKeyByKey(t.platform.db, issued.key, t.clock)).toBeNull();
    expect((await as(t.app, admin).delete(`${URL}/${issued.id}`)).statusCode).toBe(204);
    const audits = await t.platform.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'civic_api_key.revoke')
      .execute();
    expect(audits.map((a) => a.object_id)).toEqual([issued.id]);
    const listed = (await as(t.app, admin).get(URL)).json().items.find((k: { id: string }) => k.id === issued.id);
    expect(listed.revokedAt).toBe(t.clock.now().toISOString());
    const unknown = await as(t.app, admin).delete(`${URL}/00000000-0000-7000-8000-000000000001`);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });
});
