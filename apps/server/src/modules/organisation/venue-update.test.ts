import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, ifMatch, setupOrganisationTest } from './organisation.test-support.ts';

describe('PATCH /venues/:id', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let secretaryA: Session;
  let longquanAdmin: Session;

  beforeAll(async () => {
    ({ t, county, countyAdmin, secretaryA, longquanAdmin } = await setupOrganisationTest(
      'countyAdmin',
      'secretaryA',
      'longquanAdmin',
    ));
  });
  afterAll(() => t.close());

  /** A fresh venue of 金碧花园, at version 1. */
  async function newVenue(): Promise<{ id: string; url: string }> {
    const response = await as(t.app, secretaryA).post('/api/v1/venues', {
      compoundId: county.compoundA.id,
      name: '金碧花园党群服务站',
      address: '3栋一楼',
      areaSqm: 120,
      equipment: ['投影仪'],
    });
    expect(response.statusCode).toBe(201);
    const id: string = response.json().id;
    return { id, url: `/api/v1/venues/${id}` };
  }

  const venueRow = (id: string) =>
    t.platform.db.selectFrom('venue').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('answers 401 without a session', async () => {
    const { url } = await newVenue();
    expect((await as(t.app, null).patch(url, { name: '新名' }, ifMatch(1))).statusCode).toBe(401);
  });

  it('refuses a committee admin of 龙泉镇 editing a venue of 金碧镇', async () => {
    const { id, url } = await newVenue();
    expect((await as(t.app, longquanAdmin).patch(url, { areaSqm: 1 }, ifMatch(1))).statusCode).toBe(403);
    expect((await venueRow(id)).area_sqm).toBe(120);
  });

  it('answers 400 for an area of zero, a blank piece of equipment and a move to another compound', async () => {
    const { id, url } = await newVenue();
    const patch = (body: unknown) => as(t.app, secretaryA).patch(url, body, ifMatch(1));
    expect((await patch({ areaSqm: 0 })).statusCode).toBe(400);
    expect((await patch({ equipment: [''] })).statusCode).toBe(400);
    const move = await patch({ compoundId: county.compoundB.id });
    expect(move.statusCode).toBe(400);
    expect(errorCode(move)).toBe('VALIDATION_FAILED');
    expect((await venueRow(id)).version).toBe(1);
  });

  it('answers 428 without If-Match', async () => {
    const { url } = await newVenue();
    const response = await as(t.app, secretaryA).patch(url, { name: '新名' });
    expect(response.statusCode).toBe(428);
    expect(errorCode(response)).toBe('VERSION_REQUIRED');
  });

  it('answers 412 to the second of two editors who read the same version, keeping the first one’s edit', async () => {
    const { id, url } = await newVenue();
    expect((await as(t.app, secretaryA).patch(url, { areaSqm: 150 }, ifMatch(1))).statusCode).toBe(200);
    const stale = await as(t.app, countyAdmin).patch(url, { areaSqm: 90 }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    expect(errorCode(stale)).toBe('VERSION_STALE');
    expect(await venueRow(id)).toMatchObject({ area_sqm: 150, version: 2 });
  });

  it('lets the branch secretary edit the venue, audited, with the new version as ETag', async () => {
    const { id, url } = await newVenue();
    const response = await as(t.app, secretaryA).patch(
      url,
      { name: '金碧花园党群服务中心', address: '', areaSqm: 200, equipment: ['投影仪', '党建书架', '音响'] },
      ifMatch(1),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    expect(response.json()).toEqual({
      id,
      compoundId: county.compoundA.id,
      compoundName: '金碧花园',
      name: '金碧花园党群服务中心',
      address: null,
      areaSqm: 200,
      equipment: ['投影仪', '党建书架', '音响'],
      version: 2,
      abilities: { update: true },
    });
    const row = await venueRow(id);
    expect(row).toMatchObject({ name: '金碧花园党群服务中心', address: null, area_sqm: 200, version: 2 });
    expect(JSON.parse(row.equipment)).toEqual(['投影仪', '党建书架', '音响']);
    const audit = await auditRowsOf(t.platform, 'venue.update', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({
      compoundId: county.compoundA.id,
      fields: ['name', 'address', 'areaSqm', 'equipment'],
    });
    expect(audit[0]?.actor_id).toBe(secretaryA.userId);
  });

  it('tells a branch committee member they may not edit the venue, and the county admin that they may', async () => {
    const { url } = await newVenue();
    const member = await signInAs(t.platform, 'branch_committee', county.compoundA);
    const read = await as(t.app, member).get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false });
    expect((await as(t.app, member).patch(url, { name: '新名' }, ifMatch(1))).statusCode).toBe(403);
    expect((await as(t.app, countyAdmin).get(url)).json().abilities).toEqual({ update: true });
  });
});
