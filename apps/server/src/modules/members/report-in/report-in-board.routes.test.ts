import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrgNode, signInAs } from '../../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../../test/harness.ts';
import { type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { insertMember, insertWorkUnit } from '../members.test-support.ts';

type Status = 'none' | 'pending' | 'confirmed' | 'rejected';

describe('report-in boards', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let countyAdmin: Session;
  let finance: string;
  let education: string;
  const names: Record<string, string> = {};

  async function member(name: string, residence: OrgNode, workUnitId: string, status: Status, retired = false) {
    const inserted = await insertMember(t.platform, {
      name,
      residence,
      workUnitId,
      employment: retired ? 'retired' : 'in_service',
    });
    await t.platform.db.updateTable('member').set({ report_in_status: status }).where('id', '=', inserted.id).execute();
    names[name] = inserted.id;
  }

  beforeAll(async () => {
    ({ t, county, secretaryA, countyAdmin } = await setupOrganisationTest('secretaryA', 'countyAdmin'));
    finance = await insertWorkUnit(t.platform, '县财政局');
    education = await insertWorkUnit(t.platform, '县教育局');
    const { compoundA: a, compoundB: b } = county;
    await member('安一', a, finance, 'confirmed');
    await member('安二', a, finance, 'pending');
    await member('安三', a, finance, 'none');
    await member('安四', a, finance, 'rejected');
    await member('安退', a, finance, 'none', true);
    await member('安五', a, education, 'none');
    await member('布一', b, finance, 'confirmed');
    await member('布二', b, education, 'pending');
  });
  afterAll(() => t.close());

  const row = (inService: number, confirmed: number, pending: number, notReported: number) => ({
    inService,
    confirmed,
    pending,
    notReported,
  });

  it('answers 401 without a session and 403 without member.read', async () => {
    for (const path of ['work-units', 'compounds', `unreported?workUnitId=${county.compoundA.id}`]) {
      expect((await as(t.app, null).get(`/api/v1/report-in-boards/${path}`)).statusCode).toBe(401);
    }
    const grid = await signInAs(t.platform, 'grid_worker', county.gridA);
    expect((await as(t.app, grid).get('/api/v1/report-in-boards/work-units')).statusCode).toBe(403);
    expect((await as(t.app, grid).get('/api/v1/report-in-boards/compounds')).statusCode).toBe(403);
    expect((await as(t.app, grid).get(`/api/v1/report-in-boards/unreported?workUnitId=${finance}`)).statusCode).toBe(
      403,
    );
  });

  it('counts per work unit within the caller scope, retired members left out', async () => {
    const board = (s: Session) => as(t.app, s).get('/api/v1/report-in-boards/work-units');
    expect((await board(secretaryA)).json().items).toEqual([
      { workUnitId: education, workUnitName: '县教育局', partyOrgName: '县教育局机关党支部', ...row(1, 0, 0, 1) },
      { workUnitId: finance, workUnitName: '县财政局', partyOrgName: '县财政局机关党支部', ...row(4, 1, 1, 2) },
    ]);
    const all = (await board(countyAdmin)).json().items;
    expect(all.map((r: { workUnitName: string }) => r.workUnitName)).toEqual(['县教育局', '县财政局']);
    expect(all[0]).toMatchObject(row(2, 0, 1, 1));
    expect(all[1]).toMatchObject(row(5, 2, 1, 2));
  });

  it('counts per residence compound within the caller scope', async () => {
    const board = (s: Session) => as(t.app, s).get('/api/v1/report-in-boards/compounds');
    expect((await board(secretaryA)).json().items).toEqual([
      { compoundId: county.compoundA.id, compoundName: '金碧花园', ...row(5, 1, 1, 3) },
    ]);
    const all = (await board(countyAdmin)).json().items;
    expect(all).toEqual([
      { compoundId: county.compoundA.id, compoundName: '金碧花园', ...row(5, 1, 1, 3) },
      { compoundId: county.compoundB.id, compoundName: '龙泉苑', ...row(2, 1, 1, 0) },
    ]);
  });

  it('lists the unreported in-service members of a unit or a compound, names only, paged', async () => {
    const get = (s: Session, q: string) => as(t.app, s).get(`/api/v1/report-in-boards/unreported?${q}`);
    const byUnit = (await get(countyAdmin, `workUnitId=${finance}`)).json();
    expect(byUnit.items.map((m: { name: string }) => m.name)).toEqual(['安三', '安四']);
    expect(byUnit.items[1]).toEqual({
      memberId: names.安四,
      name: '安四',
      workUnitId: finance,
      workUnitName: '县财政局',
      compoundId: county.compoundA.id,
      compoundName: '金碧花园',
      reportInStatus: 'rejected',
    });
    const first = (await get(secretaryA, `compoundId=${county.compoundA.id}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const rest = (await get(secretaryA, `compoundId=${county.compoundA.id}&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...rest.items].map((m: { name: string }) => m.name).sort()).toEqual([
      '安三',
      '安五',
      '安四',
    ]);
    expect(rest.nextCursor).toBeNull();
    expect((await get(secretaryA, `compoundId=${county.compoundB.id}`)).json().items).toEqual([]);
  });

  it('answers 400 without a filter or with both', async () => {
    const get = (q: string) => as(t.app, countyAdmin).get(`/api/v1/report-in-boards/unreported${q}`);
    expect((await get('')).statusCode).toBe(400);
    expect((await get(`?workUnitId=${finance}&compoundId=${county.compoundA.id}`)).statusCode).toBe(400);
    expect((await get('?workUnitId=nope')).statusCode).toBe(400);
  });
});
