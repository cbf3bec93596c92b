import { idNumberCheckChar } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import {
  auditRowsOf,
  type County,
  ifMatch,
  setupOrganisationTest,
} from '../../organisation/organisation.test-support.ts';
import { insertHousehold, insertWorkUnit, testIdNumber } from '../members.test-support.ts';
import { MEMBERS, memberBody } from './roster.test-support.ts';

describe('member create, detail and edit', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let longquanAdmin: Session;
  let countyAdmin: Session;

  beforeAll(async () => {
    ({ t, county, secretaryA, longquanAdmin, countyAdmin } = await setupOrganisationTest(
      'secretaryA',
      'longquanAdmin',
      'countyAdmin',
    ));
  });
  afterAll(() => t.close());

  const create = async (session: Session, overrides = {}) => {
    const body = memberBody(county, overrides);
    const response = await as(t.app, session).post(MEMBERS, body);
    return { body, response };
  };

  it('answers 401 without a session on every route', async () => {
    const anon = as(t.app, null);
    const id = '01900000-0000-7000-8000-000000000001';
    expect((await anon.post(MEMBERS, memberBody(county))).statusCode).toBe(401);
    expect((await anon.get(`${MEMBERS}/${id}`)).statusCode).toBe(401);
    expect((await anon.patch(`${MEMBERS}/${id}`, { name: '李四' }, ifMatch(1))).statusCode).toBe(401);
  });

  it('creates a member with birth date, gender and pinyin derived, PII encrypted and masked, audited without PII', async () => {
    const workUnitId = await insertWorkUnit(t.platform, '县财政局');
    const householdId = await insertHousehold(t.platform, county.compoundA);
    const { body, response } = await create(secretaryA, { workUnitId, householdId, idNumber: testIdNumber('female') });
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    expect(response.headers.etag).toBe('"v1"');
    expect(detail).toMatchObject({
      name: '张三',
      gender: 'female',
      birthDate: `${body.idNumber.slice(6, 10)}-${body.idNumber.slice(10, 12)}-${body.idNumber.slice(12, 14)}`,
      idNumberMasked: `${body.idNumber.slice(0, 3)}${'*'.repeat(11)}${body.idNumber.slice(-4)}`,
      phoneMasked: `${body.phone.slice(0, 3)}****${body.phone.slice(-4)}`,
      addressMasked: '金碧花园3栋2单元****',
      branchId: county.compoundA.branch?.id,
      compoundName: '金碧花园',
      workUnitName: '县财政局',
      householdId,
      reportInStatus: 'none',
      abilities: { update: true, reveal: true },
      version: 1,
    });
    const row = await t.platform.db
      .selectFrom('member')
      .selectAll()
      .where('id', '=', detail.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name_pinyin: 'zhangsan',
      name_initials: 'zs',
      home_path: county.compoundA.branch?.path,
    });
    expect(row.residence_path).toBe(county.compoundA.path);
    expect(JSON.stringify(row)).not.toContain(body.idNumber);
    expect(JSON.stringify(row)).not.toContain(body.phone);
    const [audit] = await auditRowsOf(t.platform, 'member.create', detail.id);
    expect(audit?.details).toMatchObject({ residenceCompoundId: county.compoundA.id, status: 'full' });
    expect(JSON.stringify(audit)).not.toContain(body.idNumber);
    expect(JSON.stringify(audit)).not.toContain(body.phone);
  });

  it.each([
    [
      'a bad checksum',
      {
        idNumber: (() => {
          const id = testIdNumber();
          return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
        })(),
      },
      'idNumber',
    ],
    ['a full member without a full-member date', { fullMemberOn: undefined }, 'fullMemberOnRequired'],
    ['a full-member date before joining', { fullMemberOn: '2004-01-01' }, 'fullMemberOnOrder'],
    ['no branch and no residence', { branchId: undefined, residenceCompoundId: undefined }, 'memberPlace'],
    ['a join date in the future', { joinedOn: '2030-01-01', fullMemberOn: '2031-01-01' }, 'dateInFuture'],
    ['an unknown education level', { education: '博士后' }, undefined],
    ['an unknown field', { religion: '无' }, undefined],
  ])('refuses %s with 400', async (_label, overrides, message) => {
    const { response } = await create(countyAdmin, overrides);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
    if (message) expect(JSON.stringify(response.json().error.details)).toContain(message);
  });

  it('refuses a branch id that is not a branch (400), unknown places (404) and a foreign household (400)', async () => {
    expect((await create(countyAdmin, { branchId: county.committee.id })).response.statusCode).toBe(400);
    const unknown = '01900000-0000-7000-8000-00000000abcd';
    expect((await create(countyAdmin, { residenceCompoundId: unknown })).response.statusCode).toBe(404);
    const otherHousehold = await insertHousehold(t.platform, county.compoundB);
    expect((await create(countyAdmin, { householdId: otherHousehold })).response.statusCode).toBe(400);
  });

  it('refuses a member outside the caller scope with 403 and a second member with the same ID with 409', async () => {
    const outside = await create(secretaryA, { branchId: undefined, residenceCompoundId: county.compoundB.id });
    expect(outside.response.statusCode).toBe(403);
    const first = await create(secretaryA);
    expect(first.response.statusCode).toBe(201);
    const lowerX = first.body.idNumber.toLowerCase();
    const again = await create(countyAdmin, { idNumber: lowerX });
    expect(again.response.statusCode).toBe(409);
    expect(errorCode(again.response)).toBe('DUPLICATE');
  });

  it('shows a member to its scope only (403 elsewhere, 404 unknown), masked, with abilities by role', async () => {
    const { response } = await create(secretaryA);
    const id = response.json().id;
    const detail = await as(t.app, secretaryA).get(`${MEMBERS}/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.headers.etag).toBe('"v1"');
    expect((await as(t.app, longquanAdmin).get(`${MEMBERS}/${id}`)).statusCode).toBe(403);
    expect((await as(t.app, secretaryA).get(`${MEMBERS}/01900000-0000-7000-8000-00000000abcd`)).statusCode).toBe(404);
    const committee = await signInAs(t.platform, 'branch_committee', county.compoundA);
    const seen = await as(t.app, committee).get(`${MEMBERS}/${id}`);
    expect(seen.json().abilities).toEqual({ update: false, reveal: false });
    expect(JSON.stringify(seen.json())).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  });

  it('edits at the If-Match version, recomputing derived columns (428, 412, 200)', async () => {
    const { response } = await create(secretaryA);
    const id = response.json().id;
    const url = `${MEMBERS}/${id}`;
    expect((await as(t.app, secretaryA).patch(url, { name: '吕布' })).statusCode).toBe(428);
    const first17 = '11010519491231002';
    const newId = first17 + idNumberCheckChar(first17);
    const edited = await as(t.app, secretaryA).patch(url, { name: '吕布', idNumber: newId, phone: null }, ifMatch(1));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: '吕布',
      birthDate: '1949-12-31',
      gender: 'female',
      phoneMasked: null,
      version: 2,
    });
    const row = await t.platform.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name_pinyin: 'lvbu', name_initials: 'lb', phone_index: null });
    expect((await as(t.app, secretaryA).patch(url, { name: '王五' }, ifMatch(1))).statusCode).toBe(412);
    const [audit] = await auditRowsOf(t.platform, 'member.update', id);
    expect(audit?.details).toMatchObject({ fields: ['name', 'idNumber', 'phone'] });
    expect(JSON.stringify(audit)).not.toContain(newId);
  });

  it('checks an edit on the merged record (400), and a move needs write on the new place (403 / 200)', async () => {
    const { response } = await create(secretaryA);
    const url = `${MEMBERS}/${response.json().id}`;
    const probationary = await as(t.app, secretaryA).patch(url, { status: 'probationary' }, ifMatch(1));
    expect(probationary.statusCode).toBe(400);
    expect(JSON.stringify(probationary.json())).toContain('fullMemberOnProbationary');
    const move = { residenceCompoundId: county.compoundB.id, branchId: null };
    expect((await as(t.app, secretaryA).patch(url, move, ifMatch(1))).statusCode).toBe(403);
    expect((await as(t.app, longquanAdmin).patch(url, move, ifMatch(1))).statusCode).toBe(403);
    const moved = await as(t.app, countyAdmin).patch(url, move, ifMatch(1));
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ compoundId: county.compoundB.id, branchId: null, version: 2 });
    // Now it lives in 龙泉苑 only: the 金碧花园 secretary no longer sees it, the 龙泉镇 committee does.
    expect((await as(t.app, secretaryA).get(url)).statusCode).toBe(403);
    expect((await as(t.app, longquanAdmin).get(url)).statusCode).toBe(200);
    expect(
      (await as(t.app, countyAdmin).patch(url, { branchId: null, residenceCompoundId: null }, ifMatch(2))).statusCode,
    ).toBe(400);
  });
});
