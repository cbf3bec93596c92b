import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, createOrganBranches, setupOrganisationTest } from './organisation.test-support.ts';

describe('duty zones', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let jinbiAdmin: Session;
  let organ: { id: string; path: string };

  beforeAll(async () => {
    ({ t, county, countyAdmin, jinbiAdmin } = await setupOrganisationTest('countyAdmin', 'jinbiAdmin'));
    [organ] = await createOrganBranches(t.platform, county, '县水务局机关党支部');
  });
  afterAll(() => t.close());

  const river = (holderOrgId: string, extra: Record<string, unknown> = {}) => ({
    kind: 'river',
    name: '盘龙江（城区段）',
    description: '河道巡查',
    holderOrgId,
    geometry: {
      type: 'LineString',
      coordinates: [
        [102.7, 25.0],
        [102.71, 25.02],
      ],
    },
    ...extra,
  });

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get('/api/v1/duty-zones')).statusCode).toBe(401);
    expect((await as(t.app, null).post('/api/v1/duty-zones', river(organ.id))).statusCode).toBe(401);
  });

  it('answers 401 and 400 on the detail route too', async () => {
    expect((await as(t.app, null).get(`/api/v1/duty-zones/${organ.id}`)).statusCode).toBe(401);
    expect((await as(t.app, countyAdmin).get('/api/v1/duty-zones/zone-1')).statusCode).toBe(400);
    expect((await as(t.app, countyAdmin).get('/api/v1/duty-zones?kind=lake')).statusCode).toBe(400);
  });

  it('refuses a town committee admin assigning a zone to a county organ outside their town', async () => {
    expect((await as(t.app, jinbiAdmin).post('/api/v1/duty-zones', river(organ.id))).statusCode).toBe(403);
  });

  it('answers 400 for a holder that is not an organ Party organisation, and for bad geometry', async () => {
    const notOrgan = await as(t.app, countyAdmin).post('/api/v1/duty-zones', river(county.community.id));
    expect(notOrgan.statusCode).toBe(400);
    expect(notOrgan.json().error.details.issues[0]).toEqual({ path: 'body.holderOrgId', message: 'holderNotOrgan' });
    const onePoint = await as(t.app, countyAdmin).post(
      '/api/v1/duty-zones',
      river(organ.id, { geometry: { type: 'LineString', coordinates: [[102.7, 25.0]] } }),
    );
    expect(onePoint.statusCode).toBe(400);
    const lake = await as(t.app, countyAdmin).post('/api/v1/duty-zones', river(organ.id, { kind: 'lake' }));
    expect(lake.statusCode).toBe(400);
  });

  it('assigns a zone with its geometry under the holder, audited, readable in the holder scope only', async () => {
    const response = await as(t.app, countyAdmin).post('/api/v1/duty-zones', river(organ.id));
    expect(response.statusCode).toBe(201);
    const zone = response.json();
    expect(zone).toMatchObject({
      kind: 'river',
      holderOrgName: '县水务局机关党支部',
      geometry: { type: 'LineString' },
    });
    const row = await t.platform.db
      .selectFrom('duty_zone')
      .selectAll()
      .where('id', '=', zone.id)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(`${organ.path}${zone.id}/`);
    expect(JSON.parse(row.geometry ?? 'null').coordinates).toHaveLength(2);
    expect(await auditRowsOf(t.platform, 'duty_zone.create', zone.id)).toHaveLength(1);

    const holderAdmin = await signInAs(t.platform, 'committee_admin', organ);
    expect((await as(t.app, holderAdmin).get(`/api/v1/duty-zones/${zone.id}`)).statusCode).toBe(200);
    expect((await as(t.app, jinbiAdmin).get(`/api/v1/duty-zones/${zone.id}`)).statusCode).toBe(403);
    expect((await as(t.app, jinbiAdmin).get('/api/v1/duty-zones')).json().items).toEqual([]);
    const listed = (await as(t.app, countyAdmin).get(`/api/v1/duty-zones?kind=river&holderOrgId=${organ.id}`)).json();
    expect(listed.items.map((z: { id: string }) => z.id)).toEqual([zone.id]);
  });

  it('pages the zones by name with a cursor and refuses a bad one', async () => {
    for (const name of ['甲街', '乙街', '丙街']) {
      await as(t.app, countyAdmin).post('/api/v1/duty-zones', { kind: 'street', name, holderOrgId: organ.id });
    }
    const first = (await as(t.app, countyAdmin).get('/api/v1/duty-zones?kind=street&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await as(t.app, countyAdmin).get(`/api/v1/duty-zones?kind=street&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect((await as(t.app, countyAdmin).get('/api/v1/duty-zones?cursor=eyJ4IjoxfQ')).statusCode).toBe(400);
  });
});
