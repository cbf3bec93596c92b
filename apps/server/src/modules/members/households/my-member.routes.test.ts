import type { MemberBadge, MyMemberRecord } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, createUser, sessionFor } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { isoNow } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { insertHousehold, orgUnitName, signInAsMember } from '../members.test-support.ts';
import { insertPostClaim, insertService } from '../report-in/report-in.test-support.ts';

const api = '/api/v1';

const PHONE_PATTERN = /1[3-9]\d{9}/;
const ID_PATTERN = /\d{17}[\dXx]/;

describe('my member record and the 亮身份 badge', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let me: Awaited<ReturnType<typeof signInAsMember>>;
  let branchName: string;

  beforeAll(async () => {
    ({ t, county, secretaryA } = await setupOrganisationTest('secretaryA'));
    const branch = county.compoundA.branch;
    if (!branch) throw new Error('金碧花园 has a branch');
    me = await signInAsMember(t.platform, county.compoundA, { name: '陈红', branch, phone: '13712345678' });
    branchName = await orgUnitName(t.platform, branch);
  });
  afterAll(() => t.close());

  describe('GET /me/member', () => {
    it('answers 401 without a session, 403 without member.self and 404 off the roster', async () => {
      expect((await as(t.app, null).get(`${api}/me/member`)).statusCode).toBe(401);
      expect(errorCode(await as(t.app, secretaryA).get(`${api}/me/member`))).toBe('FORBIDDEN');
      const user = await createUser(t.platform, { phone: '13600000000' });
      await assignRole(t.platform, user.id, 'member', county.compoundA);
      const response = await as(t.app, await sessionFor(t.platform, user.id)).get(`${api}/me/member`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.details).toMatchObject({ reason: 'not_on_roster' });
    });

    it('sums my services, posts, ratings, report-in and households from the rows', async () => {
      const p = t.platform;
      const home = await insertHousehold(p, county.compoundA, { building: '3栋', unit: '2单元', room: '501' });
      const visited = await insertHousehold(p, county.compoundA, { building: '4栋', unit: '1单元', room: '101' });
      await p.db
        .updateTable('member')
        .set({ household_id: home, report_in_status: 'confirmed' })
        .where('id', '=', me.member.id)
        .execute();
      const now = isoNow(p.clock);
      await p.db
        .insertInto('member_report_in')
        .values({
          id: newId(),
          member_id: me.member.id,
          compound_id: county.compoundA.id,
          path: county.compoundA.path,
          work_unit_id: null,
          status: 'confirmed',
          skills: null,
          registered_at: '2026-03-01T01:00:00.000Z',
          decided_by: null,
          decided_at: '2026-03-02T01:00:00.000Z',
          reject_reason: null,
          receipt_no: 'HZ-1',
          created_at: now,
          updated_at: now,
        })
        .execute();
      const mine = { memberId: me.member.id, compound: county.compoundA };
      const approved = await insertPostClaim(p, { ...mine, title: '楼栋长', status: 'approved' });
      await insertPostClaim(p, { ...mine, title: '法律顾问', status: 'pending' });
      await insertService(p, { ...mine, servedOn: '2026-03-01', minutes: 90 });
      await insertService(p, { ...mine, servedOn: '2026-11-01', minutes: 30, rating: 'satisfied' });
      await insertService(p, { ...mine, servedOn: '2025-12-31', minutes: 60, rating: 'dissatisfied' });
      const link = newId();
      await p.db
        .insertInto('household_link')
        .values({
          id: link,
          member_id: me.member.id,
          household_id: visited,
          path: county.compoundA.path,
          created_at: now,
          created_by: null,
        })
        .execute();

      const response = await as(t.app, me.session).get(`${api}/me/member`);
      expect(response.statusCode).toBe(200);
      expect(response.json() as MyMemberRecord).toEqual({
        memberId: me.member.id,
        name: '陈红',
        phoneMasked: '137****5678',
        status: 'full',
        employment: 'in_service',
        branchName,
        compoundId: county.compoundA.id,
        compoundName: '金碧花园',
        householdId: home,
        householdLabel: '3栋2单元501',
        reportIn: { status: 'confirmed', date: '2026-03-02T01:00:00.000Z', compoundName: '金碧花园' },
        posts: [{ postId: approved, title: '楼栋长', compoundName: '金碧花园' }],
        services: { thisYear: { count: 2, hours: 2 }, allTime: { count: 3, hours: 3 } },
        ratings: { satisfied: 1, basicallySatisfied: 0, dissatisfied: 1 },
        linkedHouseholds: [{ linkId: link, householdId: visited, label: '4栋1单元101', compoundName: '金碧花园' }],
      });
      expect(response.body).not.toContain('13712345678');
    });
  });

  describe('badge', () => {
    let first: MemberBadge;

    it('answers 401 without a session and 403 without member.self', async () => {
      expect((await as(t.app, null).get(`${api}/me/badge`)).statusCode).toBe(401);
      expect((await as(t.app, null).post(`${api}/me/badge/renew`)).statusCode).toBe(401);
      expect(errorCode(await as(t.app, secretaryA).get(`${api}/me/badge`))).toBe('FORBIDDEN');
      expect(errorCode(await as(t.app, secretaryA).post(`${api}/me/badge/renew`))).toBe('FORBIDDEN');
      expect((await as(t.app, me.session).post(`${api}/me/badge/renew`, { reason: 'x' })).statusCode).toBe(400);
    });

    it('makes a random token on first use and keeps it', async () => {
      const response = await as(t.app, me.session).get(`${api}/me/badge`);
      expect(response.statusCode).toBe(200);
      first = response.json() as MemberBadge;
      expect(first).toMatchObject({ name: '陈红', branchName, posts: ['楼栋长'] });
      expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(first.verifyUrl).toBe(`/m/verify/${first.token}`);
      expect(((await as(t.app, me.session).get(`${api}/me/badge`)).json() as MemberBadge).token).toBe(first.token);
      const audit = await auditRowsOf(t.platform, 'member.badge_issue', me.member.id);
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0])).not.toContain(first.token);
    });

    it('verifies publicly with exactly name, branch, posts and the time, and nothing like a phone or ID', async () => {
      const response = await as(t.app, null).get(`${api}/public/badges/${first.token}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['branchName', 'name', 'posts', 'verifiedAt']);
      expect(body).toEqual({ name: '陈红', branchName, posts: ['楼栋长'], verifiedAt: '2026-11-27T02:00:00.000Z' });
      expect(response.body).not.toMatch(PHONE_PATTERN);
      expect(response.body).not.toMatch(ID_PATTERN);
      expect(response.body).not.toContain(me.member.idNumber);
      expect(response.body).not.toContain('3栋');
    });

    it('answers 400 for a malformed token and 404 for an unknown one', async () => {
      expect((await as(t.app, null).get(`${api}/public/badges/short`)).statusCode).toBe(400);
      expect((await as(t.app, null).get(`${api}/public/badges/${'a'.repeat(42)}!`)).statusCode).toBe(400);
      expect((await as(t.app, null).get(`${api}/public/badges/${'A'.repeat(43)}`)).statusCode).toBe(404);
    });

    it('renews the token so the old QR code stops verifying', async () => {
      const response = await as(t.app, me.session).post(`${api}/me/badge/renew`);
      expect(response.statusCode).toBe(200);
      const renewed = response.json() as MemberBadge;
      expect(renewed.token).not.toBe(first.token);
      expect((await as(t.app, null).get(`${api}/public/badges/${first.token}`)).statusCode).toBe(404);
      expect((await as(t.app, null).get(`${api}/public/badges/${renewed.token}`)).statusCode).toBe(200);
      expect(await auditRowsOf(t.platform, 'member.badge_renew', me.member.id)).toHaveLength(1);
    });

    it('rate-limits the public check to 60 a minute per IP', async () => {
      const url = `${api}/public/badges/${'B'.repeat(43)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 61; i += 1) statuses.push((await as(t.app, null).get(url)).statusCode);
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
    });
  });
});
