import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { CATEGORY, type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import { slaLimit } from './sla-deadline.ts';

interface Rule {
  id: string;
  categoryId: string | null;
  urgency: string;
  step: string;
  minutes: number;
  basis: string;
  version: number;
}

const URL = '/api/v1/civic-slas';
const cell = { categoryId: CATEGORY.sewer, urgency: 'utility', step: 'handle', minutes: 720, basis: 'calendar' };

describe('SLA table routes', () => {
  let t: TestApp;
  let county: CivicCounty;
  let admin: Session;
  let committee: Session;
  let resident: Session;
  let handler: Session;

  beforeAll(async () => {
    const setup = await setupCivicTest('countyAdmin', 'jinbiAdmin', 'residentA', 'handlerA');
    ({ t, county } = setup);
    admin = setup.countyAdmin;
    committee = setup.jinbiAdmin;
    resident = setup.residentA;
    handler = setup.handlerA;
  });
  afterAll(() => t.close());

  const audits = (action: string) =>
    t.platform.db
      .selectFrom('audit_log')
      .select(['object_id', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get(URL)).statusCode).toBe(401);
    expect((await as(t.app, null).put(URL, cell)).statusCode).toBe(401);
    expect((await as(t.app, null).delete(`${URL}/00000000-0000-7000-8002-000000000001`)).statusCode).toBe(401);
  });

  it('lets case staff and configurers read the table, defaults first, but not residents or handlers', async () => {
    expect((await as(t.app, resident).get(URL)).statusCode).toBe(403);
    expect((await as(t.app, handler).get(URL)).statusCode).toBe(403);
    const response = await as(t.app, committee).get(URL);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Rule[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.categoryId === null)).toBe(true);
    expect(items[0]).toMatchObject({ urgency: 'emergency', step: 'accept' });
    expect((await as(t.app, admin).get(URL)).statusCode).toBe(200);
  });

  it('refuses writes to non-configurers and to a configurer below the county root', async () => {
    expect((await as(t.app, committee).put(URL, cell)).statusCode).toBe(403);
    const townAdmin = await signInAs(t.platform, 'county_admin', county.committee);
    expect((await as(t.app, townAdmin).put(URL, cell)).statusCode).toBe(403);
    const defaults = (await as(t.app, admin).get(URL)).json().items as Rule[];
    expect((await as(t.app, committee).delete(`${URL}/${defaults[0]?.id}`)).statusCode).toBe(403);
  });

  it('answers 400 for a bad cell: too short a limit, an unknown step, an unknown category, a bad id', async () => {
    expect((await as(t.app, admin).put(URL, { ...cell, minutes: 5 })).statusCode).toBe(400);
    expect((await as(t.app, admin).put(URL, { ...cell, step: 'rate' })).statusCode).toBe(400);
    expect((await as(t.app, admin).put(URL, { ...cell, extra: true })).statusCode).toBe(400);
    const unknown = await as(t.app, admin).put(URL, { ...cell, categoryId: '00000000-0000-7000-8001-999999999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0]).toMatchObject({ path: 'body.categoryId' });
    expect((await as(t.app, admin).delete(`${URL}/nope`)).statusCode).toBe(400);
  });

  it('adds a category cell that then governs the category’s deadlines, and audits it', async () => {
    const before = await slaLimit(t.platform.db, { categoryId: CATEGORY.sewer, urgency: 'utility', step: 'handle' });
    const response = await as(t.app, admin).put(URL, cell);
    expect(response.statusCode).toBe(200);
    const rule = response.json() as Rule;
    expect(rule).toMatchObject({ ...cell, version: 1 });
    expect(await slaLimit(t.platform.db, { categoryId: CATEGORY.sewer, urgency: 'utility', step: 'handle' })).toEqual({
      minutes: 720,
      basis: 'calendar',
    });
    const rows = await audits('civic_sla.update');
    expect(rows.at(-1)?.object_id).toBe(rule.id);
    expect(JSON.parse(rows.at(-1)?.details ?? '{}')).toMatchObject({ before: null, after: { minutes: 720 } });

    const replaced = (await as(t.app, admin).put(URL, { ...cell, minutes: 600 })).json() as Rule;
    expect(replaced).toMatchObject({ id: rule.id, minutes: 600, version: 2 });
    expect(JSON.parse((await audits('civic_sla.update')).at(-1)?.details ?? '{}')).toMatchObject({
      before: { minutes: 720, basis: 'calendar' },
      after: { minutes: 600 },
    });
    expect(before.minutes).not.toBe(600);
  });

  it('replaces a default cell in place', async () => {
    const defaults = (await as(t.app, admin).get(URL)).json().items as Rule[];
    const first = defaults[0] as Rule;
    const body = { categoryId: null, urgency: first.urgency, step: first.step, minutes: 90, basis: 'calendar' };
    const response = await as(t.app, admin).put(URL, body);
    expect(response.json()).toMatchObject({ id: first.id, minutes: 90, version: first.version + 1 });
  });

  it('deletes a category cell (audited) but answers 409 for a default row and 404 for an unknown one', async () => {
    const items = (await as(t.app, admin).get(URL)).json().items as Rule[];
    const own = items.find((r) => r.categoryId === CATEGORY.sewer) as Rule;
    const fallback = items.find((r) => r.categoryId === null) as Rule;
    const conflict = await as(t.app, admin).delete(`${URL}/${fallback.id}`);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.details).toMatchObject({ reason: 'default_row' });
    expect((await as(t.app, admin).delete(`${URL}/${own.id}`)).statusCode).toBe(204);
    const gone = await t.platform.db.selectFrom('civic_sla').select('id').where('id', '=', own.id).executeTakeFirst();
    expect(gone).toBeUndefined();
    expect((await audits('civic_sla.delete')).map((r) => r.object_id)).toEqual([own.id]);
    const again = await as(t.app, admin).delete(`${URL}/${own.id}`);
    expect(again.statusCode).toBe(404);
    expect(errorCode(again)).toBe('NOT_FOUND');
  });
});
