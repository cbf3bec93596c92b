import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, setupOrganisationTest } from './organisation.test-support.ts';

describe('venues', () => {
  let t: TestApp;
  let county: County;
  let longquanAdmin: Session;

  beforeAll(async () => {
    ({ t, county, longquanAdmin } = await setupOrganisationTest('longquanAdmin'));
  });
  afterAll(() => t.close());

  const venue = (extra: Record<string, unknown> = {}) => ({
    compoundId: county.compoundA.id,
    name: '金碧花园党群服务站',
    address: '3栋一楼',
    areaSqm: 120,
    equipment: ['投影仪', '党建书架'],
    ...extra,
  });

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get('/api/v1/venues')).statusCode).toBe(401);
    expect((await as(t.app, null).post('/api/v1/venues', venue())).statusCode).toBe(401);
  });

  it('answers 401 and 400 on the detail and list routes too', async () => {
    expect((await as(t.app, null).get(`/api/v1/venues/${county.compoundA.id}`)).statusCode).toBe(401);
    expect((await as(t.app, longquanAdmin).get('/api/v1/venues/venue-1')).statusCode).toBe(400);
    expect((await as(t.app, longquanAdmin).get('/api/v1/venues?limit=abc')).statusCode).toBe(400);
  });

  it('refuses a committee admin of 龙泉镇 adding a venue to a compound of 金碧镇', async () => {
    expect((await as(t.app, longquanAdmin).post('/api/v1/venues', venue())).statusCode).toBe(403);
  });

  it('answers 400 for an area of zero and a missing compound', async () => {
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    expect((await as(t.app, secretary).post('/api/v1/venues', venue({ areaSqm: 0 }))).statusCode).toBe(400);
    expect((await as(t.app, secretary).post('/api/v1/venues', venue({ compoundId: undefined }))).statusCode).toBe(400);
  });

  it('lets the branch secretary register a venue under the compound, audited and counted on the compound', async () => {
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    const response = await as(t.app, secretary).post('/api/v1/venues', venue());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ compoundName: '金碧花园', areaSqm: 120, equipment: ['投影仪', '党建书架'] });
    const row = await t.platform.db
      .selectFrom('venue')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(`${county.compoundA.path}${created.id}/`);
    expect(await auditRowsOf(t.platform, 'venue.create', created.id)).toHaveLength(1);
    expect((await as(t.app, secretary).get(`/api/v1/compounds/${county.compoundA.id}`)).json().venueCount).toBe(1);
    expect((await as(t.app, secretary).get(`/api/v1/venues/${created.id}`)).statusCode).toBe(200);
    expect((await as(t.app, longquanAdmin).get(`/api/v1/venues/${created.id}`)).statusCode).toBe(403);
    const listed = (await as(t.app, secretary).get(`/api/v1/venues?compoundId=${county.compoundA.id}`)).json();
    expect(listed).toEqual({ items: [created], nextCursor: null });
    expect((await as(t.app, longquanAdmin).get('/api/v1/venues')).json().items).toEqual([]);
  });
});
