import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import {
  auditRowsOf,
  type County,
  createOrganBranches,
  ifMatch,
  setupOrganisationTest,
} from '../../organisation/organisation.test-support.ts';
import { insertWorkUnit } from '../members.test-support.ts';

const UNITS = '/api/v1/work-units';

describe('work units (工作单位)', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let jinbiAdmin: Session;
  let countyAdmin: Session;

  beforeAll(async () => {
    ({ t, county, secretaryA, jinbiAdmin, countyAdmin } = await setupOrganisationTest(
      'secretaryA',
      'jinbiAdmin',
      'countyAdmin',
    ));
  });
  afterAll(() => t.close());

  it('answers 401 without a session on every route', async () => {
    const anon = as(t.app, null);
    const id = '01900000-0000-7000-8000-00000000abcd';
    expect((await anon.get(UNITS)).statusCode).toBe(401);
    expect((await anon.get(`${UNITS}/${id}`)).statusCode).toBe(401);
    expect((await anon.post(UNITS, { name: '县税务局', partyOrgName: '县税务局机关党委' })).statusCode).toBe(401);
    expect((await anon.patch(`${UNITS}/${id}`, { name: '县税务局' }, ifMatch(1))).statusCode).toBe(401);
  });

  it('creates a unit with an outside Party organisation or one of the county, phone masked, audited without it', async () => {
    const outside = await as(t.app, jinbiAdmin).post(UNITS, {
      name: '省电力公司县供电分公司',
      partyOrgName: '省电力公司党委',
      contactName: '王经理',
      contactPhone: '13912345678',
    });
    expect(outside.statusCode).toBe(201);
    expect(outside.json()).toMatchObject({
      partyOrgId: null,
      contactPhoneMasked: '139****5678',
      abilities: { update: true },
    });
    const [organ] = await createOrganBranches(t.platform, county, '县财政局机关党支部');
    const inside = await as(t.app, countyAdmin).post(UNITS, { name: '县财政局', partyOrgId: organ.id });
    expect(inside.json()).toMatchObject({ partyOrgId: organ.id, partyOrgName: '县财政局机关党支部' });
    const audit = await auditRowsOf(t.platform, 'work_unit.create', outside.json().id);
    expect(JSON.stringify(audit)).not.toContain('13912345678');
  });

  it('answers 403 without work_unit.write, 400 for bad input, 404 for an unknown org, 409 for a taken name', async () => {
    expect(
      (await as(t.app, secretaryA).post(UNITS, { name: '县水务局', partyOrgName: '县水务局党组' })).statusCode,
    ).toBe(403);
    expect((await as(t.app, jinbiAdmin).post(UNITS, { name: '县水务局' })).statusCode).toBe(400);
    expect((await as(t.app, jinbiAdmin).post(UNITS, { name: '', partyOrgName: 'x' })).statusCode).toBe(400);
    const unknownOrg = await as(t.app, jinbiAdmin).post(UNITS, {
      name: '县水务局',
      partyOrgId: '01900000-0000-7000-8000-00000000abcd',
    });
    expect(unknownOrg.statusCode).toBe(404);
    await insertWorkUnit(t.platform, '县交通局');
    const taken = await as(t.app, jinbiAdmin).post(UNITS, { name: '县交通局', partyOrgName: '县交通局党组' });
    expect(errorCode(taken)).toBe('DUPLICATE');
  });

  it('lists and searches units for member.read (403 without it) and shows one with an ETag', async () => {
    const id = await insertWorkUnit(t.platform, '县卫健局');
    const found = await as(t.app, secretaryA).get(`${UNITS}?q=${encodeURIComponent('卫健')}`);
    expect(found.json().items.map((u: { name: string }) => u.name)).toEqual(['县卫健局']);
    const paged = await as(t.app, secretaryA).get(`${UNITS}?limit=1`);
    expect(paged.json().nextCursor).toEqual(expect.any(String));
    const detail = await as(t.app, secretaryA).get(`${UNITS}/${id}`);
    expect(detail.headers.etag).toBe('"v1"');
    expect(detail.json().abilities).toEqual({ update: false });
    const grid = await signInAs(t.platform, 'grid_worker', county.gridA);
    expect((await as(t.app, grid).get(UNITS)).statusCode).toBe(403);
    expect((await as(t.app, secretaryA).get(`${UNITS}/01900000-0000-7000-8000-00000000abcd`)).statusCode).toBe(404);
    expect((await as(t.app, secretaryA).get(`${UNITS}?limit=0`)).statusCode).toBe(400);
  });

  it('edits at the If-Match version (428, 412, 403, 200)', async () => {
    const id = await insertWorkUnit(t.platform, '县民政局');
    const url = `${UNITS}/${id}`;
    expect((await as(t.app, jinbiAdmin).patch(url, { address: '民政路1号' })).statusCode).toBe(428);
    expect((await as(t.app, secretaryA).patch(url, { address: '民政路1号' }, ifMatch(1))).statusCode).toBe(403);
    const edited = await as(t.app, jinbiAdmin).patch(
      url,
      { address: '民政路1号', contactPhone: '13800001111' },
      ifMatch(1),
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ address: '民政路1号', contactPhoneMasked: '138****1111', version: 2 });
    expect((await as(t.app, jinbiAdmin).patch(url, { contactPhone: null }, ifMatch(1))).statusCode).toBe(412);
    expect((await as(t.app, jinbiAdmin).patch(url, { contactPhone: 'x' }, ifMatch(2))).statusCode).toBe(400);
  });

  it('keeps a unit tied to a county organ with the staff whose scope covers that organ', async () => {
    // The county's organs hang under its 机关工委, outside any township: a township admin neither ties a unit to
    // one nor edits a unit tied to one; the county admin does both.
    const [organ] = await createOrganBranches(t.platform, county, '县教育局机关党支部');
    const tied = await as(t.app, jinbiAdmin).post(UNITS, { name: '县教育局', partyOrgId: organ.id });
    expect(tied.statusCode).toBe(403);
    const id = await insertWorkUnit(t.platform, '县教育局', organ);
    const url = `${UNITS}/${id}`;
    expect((await as(t.app, jinbiAdmin).get(url)).json().abilities).toEqual({ update: false });
    expect((await as(t.app, jinbiAdmin).patch(url, { address: '教育路1号' }, ifMatch(1))).statusCode).toBe(403);
    const untied = await insertWorkUnit(t.platform, '县文旅局');
    expect(
      (await as(t.app, jinbiAdmin).patch(`${UNITS}/${untied}`, { partyOrgId: organ.id }, ifMatch(1))).statusCode,
    ).toBe(403);
    expect((await as(t.app, countyAdmin).get(url)).json().abilities).toEqual({ update: true });
    const edited = await as(t.app, countyAdmin).patch(url, { address: '教育路1号' }, ifMatch(1));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ address: '教育路1号', version: 2 });
  });
});
