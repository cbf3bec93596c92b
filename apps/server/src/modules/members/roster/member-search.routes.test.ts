import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { type InsertedMember, insertMember, insertWorkUnit } from '../members.test-support.ts';
import { MEMBERS } from './roster.test-support.ts';

describe('member list and search', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let longquanAdmin: Session;
  let countyAdmin: Session;
  let zhang: InsertedMember;
  let zhao: InsertedMember;
  let lisi: InsertedMember;
  let workUnitId: string;

  const names = (response: { json(): unknown }) =>
    (response.json() as { items: Array<{ name: string }> }).items.map((i) => i.name).sort();

  beforeAll(async () => {
    ({ t, county, secretaryA, longquanAdmin, countyAdmin } = await setupOrganisationTest(
      'secretaryA',
      'longquanAdmin',
      'countyAdmin',
    ));
    workUnitId = await insertWorkUnit(t.platform, '县教育局');
    const branch = county.compoundA.branch;
    zhang = await insertMember(t.platform, { name: '张三', residence: county.compoundA, branch, workUnitId });
    zhao = await insertMember(t.platform, { name: '赵思', residence: county.compoundA, branch, employment: 'retired' });
    lisi = await insertMember(t.platform, { name: '李四', residence: county.compoundB });
    await t.platform.db
      .updateTable('member')
      .set({ is_mobile: 1, report_in_status: 'confirmed' })
      .where('id', '=', zhao.id)
      .execute();
  });
  afterAll(() => t.close());

  it('answers 401 without a session and 403 to a role without member.read', async () => {
    expect((await as(t.app, null).get(MEMBERS)).statusCode).toBe(401);
    expect((await as(t.app, null).post(`${MEMBERS}/search`, {})).statusCode).toBe(401);
    const { signInAs } = await import('../../../../test/factories.ts');
    const grid = await signInAs(t.platform, 'grid_worker', county.gridA);
    expect((await as(t.app, grid).get(MEMBERS)).statusCode).toBe(403);
  });

  it('lists only members in the caller scope, masked', async () => {
    const mine = await as(t.app, secretaryA).get(MEMBERS);
    expect(mine.statusCode).toBe(200);
    expect(names(mine)).toEqual(['张三', '赵思']);
    expect(names(await as(t.app, longquanAdmin).get(MEMBERS))).toEqual(['李四']);
    expect(names(await as(t.app, countyAdmin).get(MEMBERS))).toEqual(['张三', '李四', '赵思']);
    const item = mine.json().items.find((i: { name: string }) => i.name === '张三');
    expect(item).toMatchObject({ workUnitName: '县教育局', compoundName: '金碧花园', status: 'full', isMobile: false });
    expect(item.idNumberMasked).toBe(`${zhang.idNumber.slice(0, 3)}${'*'.repeat(11)}${zhang.idNumber.slice(-4)}`);
    expect(JSON.stringify(mine.json())).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  });

  it.each([
    ['a name fragment', '三', ['张三']],
    ['pinyin', 'zhang', ['张三']],
    ['pinyin with capitals and spaces', 'Zhang S', ['张三']],
    ['initials', 'zs', ['张三', '赵思']],
    ['a shared pinyin prefix', 'zh', ['张三', '赵思']],
    ['nothing that matches', 'wang', []],
  ])('searches by %s', async (_label, q, expected) => {
    const response = await as(t.app, countyAdmin).get(`${MEMBERS}?q=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    expect(names(response)).toEqual(expected);
  });

  it('finds by the last four of the ID in the URL, and by whole phone or ID only in a POST body (WEB-7)', async () => {
    expect(names(await as(t.app, countyAdmin).get(`${MEMBERS}?q=${lisi.idNumber.slice(-4)}`))).toContain('李四');
    const byPhoneInUrl = await as(t.app, countyAdmin).get(`${MEMBERS}?q=${zhang.phone}`);
    expect(byPhoneInUrl.statusCode).toBe(400);
    expect(JSON.stringify(byPhoneInUrl.json())).toContain('searchByPost');
    expect((await as(t.app, countyAdmin).get(`${MEMBERS}?q=${zhang.idNumber}`)).statusCode).toBe(400);
    expect(names(await as(t.app, countyAdmin).post(`${MEMBERS}/search`, { q: zhang.phone }))).toEqual(['张三']);
    const byId = await as(t.app, countyAdmin).post(`${MEMBERS}/search`, { q: zhao.idNumber.toLowerCase() });
    expect(names(byId)).toEqual(['赵思']);
    // Scope still applies to an exact match.
    expect(names(await as(t.app, secretaryA).post(`${MEMBERS}/search`, { q: lisi.phone }))).toEqual([]);
  });

  it('filters by branch, compound, status, employment, report-in, work unit and flag', async () => {
    const get = async (query: string) => names(await as(t.app, countyAdmin).get(`${MEMBERS}?${query}`));
    expect(await get(`branchId=${county.compoundA.branch?.id}`)).toEqual(['张三', '赵思']);
    expect(await get(`compoundId=${county.compoundB.id}`)).toEqual(['李四']);
    expect(await get('employment=retired')).toEqual(['赵思']);
    expect(await get('reportIn=confirmed')).toEqual(['赵思']);
    expect(await get('reportIn=none&status=full')).toEqual(['张三', '李四']);
    expect(await get(`workUnitId=${workUnitId}`)).toEqual(['张三']);
    expect(await get('flag=mobile')).toEqual(['赵思']);
    expect(await get('flag=lost_contact')).toEqual([]);
  });

  it('pages by keyset in pinyin order and refuses bad input with 400', async () => {
    const first = await as(t.app, countyAdmin).get(`${MEMBERS}?limit=2`);
    expect(first.json().items.map((i: { name: string }) => i.name)).toEqual(['李四', '张三']);
    const next = await as(t.app, countyAdmin).get(`${MEMBERS}?limit=2&cursor=${first.json().nextCursor}`);
    expect(next.json()).toMatchObject({ items: [{ name: '赵思' }], nextCursor: null });
    const desc = await as(t.app, countyAdmin).get(`${MEMBERS}?sort=joinedOn&order=desc&limit=1`);
    expect(desc.json().items).toHaveLength(1);
    const wrongSort = await as(t.app, countyAdmin).get(`${MEMBERS}?sort=joinedOn&cursor=${first.json().nextCursor}`);
    expect(wrongSort.statusCode).toBe(400);
    for (const bad of ['status=member', 'limit=0', 'branchId=x', 'flag=gone', 'phone=13900000000']) {
      const response = await as(t.app, countyAdmin).get(`${MEMBERS}?${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });
});
