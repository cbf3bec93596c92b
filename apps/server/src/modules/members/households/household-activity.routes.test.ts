import type { HouseholdLink, HouseholdVisit } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { insertHousehold, insertMember, signInAsMember } from '../members.test-support.ts';

const api = '/api/v1';

describe('党员联系住户 links and visits (走访)', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let longquanAdmin: Session;
  let gridWorker: Session;
  let inGrid: string;
  let outsideGrid: string;
  let inB: string;
  let memberA: { id: string; name: string };
  let memberB: { id: string };
  let linked: { session: Session; member: { id: string; name: string } };

  beforeAll(async () => {
    ({ t, county, secretaryA, longquanAdmin } = await setupOrganisationTest('secretaryA', 'longquanAdmin'));
    gridWorker = await signInAs(t.platform, 'grid_worker', county.gridA, '网格员小王');
    inGrid = await insertHousehold(t.platform, county.compoundA, { building: '1栋', room: '101' }, county.gridA);
    outsideGrid = await insertHousehold(t.platform, county.compoundA, { building: '9栋', room: '901' });
    inB = await insertHousehold(t.platform, county.compoundB, { building: '1栋', room: '101' });
    memberA = await insertMember(t.platform, {
      residence: county.compoundA,
      branch: county.compoundA.branch,
      name: '李明',
    });
    memberB = await insertMember(t.platform, { residence: county.compoundB, name: '龙泉党员' });
    linked = await signInAsMember(t.platform, county.compoundA, { name: '陈红', branch: county.compoundA.branch });
  });
  afterAll(() => t.close());

  describe('links', () => {
    it('answers 401 without a session', async () => {
      const anon = as(t.app, null);
      expect((await anon.post(`${api}/households/${inGrid}/links`, { memberId: memberA.id })).statusCode).toBe(401);
      expect((await anon.get(`${api}/household-links?householdId=${inGrid}`)).statusCode).toBe(401);
      expect((await anon.delete(`${api}/household-links/${inGrid}`)).statusCode).toBe(401);
    });

    it('links a member in scope to a household in scope, once', async () => {
      const sec = as(t.app, secretaryA);
      const response = await sec.post(`${api}/households/${outsideGrid}/links`, { memberId: memberA.id });
      expect(response.statusCode).toBe(201);
      const link = response.json() as HouseholdLink;
      expect(link).toMatchObject({
        memberId: memberA.id,
        memberName: '李明',
        householdId: outsideGrid,
        householdLabel: '9栋1单元901',
        compoundName: '金碧花园',
      });
      const again = await sec.post(`${api}/households/${outsideGrid}/links`, { memberId: memberA.id });
      expect(again.statusCode).toBe(409);
      expect(errorCode(again)).toBe('DUPLICATE');
      const audit = await auditRowsOf(t.platform, 'household_link.create', link.id);
      expect(audit[0]?.details).toEqual({ householdId: outsideGrid, memberId: memberA.id });
      const detail = (await sec.get(`${api}/households/${outsideGrid}`)).json();
      expect(detail.linkedMemberCount).toBe(1);
      expect(detail.links.map((l: HouseholdLink) => l.memberName)).toEqual(['李明']);
    });

    it('refuses a member out of scope, a household out of scope and roles without member.read', async () => {
      const sec = as(t.app, secretaryA);
      expect(errorCode(await sec.post(`${api}/households/${outsideGrid}/links`, { memberId: memberB.id }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await sec.post(`${api}/households/${inB}/links`, { memberId: memberA.id }))).toBe('FORBIDDEN');
      // A grid worker edits households but does not read the roster.
      expect(
        errorCode(await as(t.app, gridWorker).post(`${api}/households/${inGrid}/links`, { memberId: memberA.id })),
      ).toBe('FORBIDDEN');
      expect((await sec.post(`${api}/households/${inGrid}/links`, { memberId: 'nope' })).statusCode).toBe(400);
      expect((await sec.post(`${api}/households/${inGrid}/links`, {})).statusCode).toBe(400);
    });

    it('lists the links of a member or a household within the caller scope', async () => {
      const sec = as(t.app, secretaryA);
      await sec.post(`${api}/households/${inGrid}/links`, { memberId: linked.member.id });
      const byMember = (await sec.get(`${api}/household-links?memberId=${linked.member.id}`)).json();
      expect(byMember.items.map((l: HouseholdLink) => l.householdId)).toEqual([inGrid]);
      const byHousehold = (await sec.get(`${api}/household-links?householdId=${outsideGrid}`)).json();
      expect(byHousehold.items.map((l: HouseholdLink) => l.memberId)).toEqual([memberA.id]);
      const worker = (await as(t.app, gridWorker).get(`${api}/household-links?memberId=${memberA.id}`)).json();
      expect(worker.items).toEqual([]);
      const other = (await as(t.app, longquanAdmin).get(`${api}/household-links?householdId=${outsideGrid}`)).json();
      expect(other.items).toEqual([]);
      expect((await sec.get(`${api}/household-links`)).statusCode).toBe(400);
      expect((await as(t.app, linked.session).get(`${api}/household-links?memberId=${memberA.id}`)).statusCode).toBe(
        403,
      );
    });

    it('removes a link with household.write on its household only', async () => {
      const sec = as(t.app, secretaryA);
      const link = (await sec.post(`${api}/households/${outsideGrid}/links`, { memberId: linked.member.id })).json();
      expect(errorCode(await as(t.app, gridWorker).delete(`${api}/household-links/${link.id}`))).toBe('FORBIDDEN');
      expect((await sec.delete(`${api}/household-links/x`)).statusCode).toBe(400);
      expect((await sec.delete(`${api}/household-links/${link.id}`)).statusCode).toBe(204);
      expect(await auditRowsOf(t.platform, 'household_link.delete', link.id)).toHaveLength(1);
      expect((await sec.delete(`${api}/household-links/${link.id}`)).statusCode).toBe(404);
    });
  });

  describe('visits', () => {
    const visit = { visitedOn: '2026-11-20', summary: '了解老人身体情况', findings: '楼道灯坏了', followUp: true };

    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).post(`${api}/households/${inGrid}/visits`, visit)).statusCode).toBe(401);
      expect((await as(t.app, null).get(`${api}/household-visits`)).statusCode).toBe(401);
    });

    it('lets a member linked to the household log a visit as that member', async () => {
      const response = await as(t.app, linked.session).post(`${api}/households/${inGrid}/visits`, visit);
      expect(response.statusCode).toBe(201);
      const logged = response.json() as HouseholdVisit;
      expect(logged).toMatchObject({
        householdId: inGrid,
        householdLabel: '1栋1单元101',
        memberId: linked.member.id,
        memberName: '陈红',
        visitorUserId: linked.session.userId,
        followUp: true,
        findings: '楼道灯坏了',
        civicCaseId: null,
      });
      const audit = await auditRowsOf(t.platform, 'household_visit.create', logged.id);
      expect(audit[0]?.details).toMatchObject({ householdId: inGrid, followUp: true });
      const detail = (await as(t.app, gridWorker).get(`${api}/households/${inGrid}`)).json();
      expect(detail.lastVisitOn).toBe('2026-11-20');
      expect(detail.recentVisits.map((v: HouseholdVisit) => v.id)).toEqual([logged.id]);
    });

    it('refuses a member not linked to the household', async () => {
      const response = await as(t.app, linked.session).post(`${api}/households/${outsideGrid}/visits`, visit);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.details).toEqual({ reason: 'not_linked' });
    });

    it('lets household.write holders log visits in scope only, with no member unless they are one', async () => {
      const worker = as(t.app, gridWorker);
      const response = await worker.post(`${api}/households/${inGrid}/visits`, {
        visitedOn: '2026-11-26',
        summary: '入户走访',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        memberId: null,
        visitorName: '网格员小王',
        followUp: false,
        findings: null,
      });
      expect(errorCode(await worker.post(`${api}/households/${outsideGrid}/visits`, visit))).toBe('FORBIDDEN');
      expect(errorCode(await worker.post(`${api}/households/${inB}/visits`, visit))).toBe('FORBIDDEN');
      const auditor = await signInAs(t.platform, 'auditor', county.county);
      expect(errorCode(await as(t.app, auditor).post(`${api}/households/${inGrid}/visits`, visit))).toBe('FORBIDDEN');
    });

    it('rejects a future day, a follow-up without findings and a missing summary', async () => {
      const worker = as(t.app, gridWorker);
      const future = await worker.post(`${api}/households/${inGrid}/visits`, { ...visit, visitedOn: '2026-11-28' });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.details.issues[0]).toEqual({ path: 'body.visitedOn', message: 'inFuture' });
      const bare = await worker.post(`${api}/households/${inGrid}/visits`, {
        visitedOn: '2026-11-20',
        summary: 's',
        followUp: true,
      });
      expect(bare.statusCode).toBe(400);
      expect((await worker.post(`${api}/households/${inGrid}/visits`, { visitedOn: '2026-11-20' })).statusCode).toBe(
        400,
      );
    });

    it('lists visits in scope, newest first, with filters and keyset paging', async () => {
      const sec = as(t.app, secretaryA);
      await sec.post(`${api}/households/${outsideGrid}/visits`, { visitedOn: '2026-10-01', summary: '国庆走访' });
      const all = (await sec.get(`${api}/household-visits?compoundId=${county.compoundA.id}`)).json();
      expect(all.items.map((v: HouseholdVisit) => v.visitedOn)).toEqual(['2026-11-26', '2026-11-20', '2026-10-01']);
      const first = (await sec.get(`${api}/household-visits?limit=2`)).json();
      expect(first.items).toHaveLength(2);
      const second = (await sec.get(`${api}/household-visits?limit=2&cursor=${first.nextCursor}`)).json();
      expect(second.items.map((v: HouseholdVisit) => v.summary)).toEqual(['国庆走访']);
      expect(second.nextCursor).toBeNull();
      const followUps = (await sec.get(`${api}/household-visits?followUp=true`)).json();
      expect(followUps.items.map((v: HouseholdVisit) => v.findings)).toEqual(['楼道灯坏了']);
      const window = (await sec.get(`${api}/household-visits?from=2026-11-01&to=2026-11-25`)).json();
      expect(window.items.map((v: HouseholdVisit) => v.visitedOn)).toEqual(['2026-11-20']);
      const mine = (await sec.get(`${api}/household-visits?memberId=${linked.member.id}`)).json();
      expect(mine.items).toHaveLength(1);
      const worker = (await as(t.app, gridWorker).get(`${api}/household-visits`)).json();
      expect(worker.items.map((v: HouseholdVisit) => v.householdId)).toEqual([inGrid, inGrid]);
      expect((await as(t.app, longquanAdmin).get(`${api}/household-visits`)).json().items).toEqual([]);
      expect((await sec.get(`${api}/household-visits?followUp=yes`)).statusCode).toBe(400);
      expect((await sec.get(`${api}/household-visits?from=2026-13-01`)).statusCode).toBe(400);
      expect((await as(t.app, linked.session).get(`${api}/household-visits`)).statusCode).toBe(403);
    });
  });
});
