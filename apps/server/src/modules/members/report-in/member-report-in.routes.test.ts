import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { insertWorkUnit, signInAsMember } from '../members.test-support.ts';

const ME = '/api/v1/me/report-in';
const LIST = '/api/v1/member-report-ins';

describe('member report-ins (在职党员双报到)', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let longquanAdmin: Session;
  let workUnitId: string;

  const reportInStatus = async (memberId: string) =>
    (
      await t.platform.db
        .selectFrom('member')
        .select('report_in_status')
        .where('id', '=', memberId)
        .executeTakeFirstOrThrow()
    ).report_in_status;

  beforeAll(async () => {
    ({ t, county, secretaryA, longquanAdmin } = await setupOrganisationTest('secretaryA', 'longquanAdmin'));
    workUnitId = await insertWorkUnit(t.platform, '县财政局');
  });
  afterAll(() => t.close());

  it('answers 401 without a session on every route', async () => {
    const anon = as(t.app, null);
    expect((await anon.get(ME)).statusCode).toBe(401);
    expect((await anon.post(ME, {})).statusCode).toBe(401);
    expect((await anon.get(LIST)).statusCode).toBe(401);
    expect((await anon.post(`${LIST}/${county.compoundA.id}/decision`, { decision: 'confirmed' })).statusCode).toBe(
      401,
    );
    expect((await anon.get(`${LIST}/${county.compoundA.id}/receipt`)).statusCode).toBe(401);
  });

  it('answers 404 not_on_roster for an account without a member record, 403 without member.self', async () => {
    const stranger = await signInAs(t.platform, 'member', county.compoundA);
    const response = await as(t.app, stranger).post(ME, {});
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details).toMatchObject({ reason: 'not_on_roster' });
    expect((await as(t.app, secretaryA).post(ME, {})).statusCode).toBe(403);
  });

  it('refuses a retired member (409 not_in_service) and leaves no row', async () => {
    const { session, member } = await signInAsMember(t.platform, county.compoundA, { employment: 'retired' });
    const response = await as(t.app, session).post(ME, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details).toMatchObject({ reason: 'not_in_service' });
    const rows = await t.platform.db
      .selectFrom('member_report_in')
      .select('id')
      .where('member_id', '=', member.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses another compound than the residence (403) and bad input (400)', async () => {
    const { session } = await signInAsMember(t.platform, county.compoundA);
    expect((await as(t.app, session).post(ME, { compoundId: county.compoundB.id })).statusCode).toBe(403);
    expect((await as(t.app, session).post(ME, { compoundId: 'x' })).statusCode).toBe(400);
    expect((await as(t.app, session).post(ME, { skills: 'a'.repeat(501) })).statusCode).toBe(400);
    expect((await as(t.app, session).post(ME, { other: 1 })).statusCode).toBe(400);
  });

  let reportId = '';
  let memberId = '';
  let memberSession: Session;

  it('registers a pending report-in to the residence with the work unit, sets the member status, audits', async () => {
    const signedIn = await signInAsMember(t.platform, county.compoundA, { name: '王在职', workUnitId });
    memberSession = signedIn.session;
    memberId = signedIn.member.id;
    const response = await as(t.app, memberSession).post(ME, { skills: '法律咨询' });
    expect(response.statusCode).toBe(201);
    const report = response.json();
    reportId = report.id;
    expect(report).toMatchObject({
      memberName: '王在职',
      compoundId: county.compoundA.id,
      compoundName: '金碧花园',
      workUnitId,
      workUnitName: '县财政局',
      status: 'pending',
      skills: '法律咨询',
      receiptNo: null,
      abilities: { decide: false },
    });
    expect(await reportInStatus(memberId)).toBe('pending');
    expect(await auditRowsOf(t.platform, 'member_report_in.submit', reportId)).toHaveLength(1);
    const mine = await as(t.app, memberSession).get(ME);
    expect(mine.json().items.map((r: { id: string }) => r.id)).toEqual([reportId]);
  });

  it('blocks a second report-in while one is pending (409)', async () => {
    const again = await as(t.app, memberSession).post(ME, {});
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('lists report-ins to the managed compound only, with filters', async () => {
    const list = (s: Session, q = '') => as(t.app, s).get(`${LIST}${q}`);
    const mine = (await list(secretaryA)).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(reportId);
    expect(mine.items.find((r: { id: string }) => r.id === reportId).abilities).toEqual({ decide: true });
    expect((await list(longquanAdmin)).json().items).toEqual([]);
    expect((await list(secretaryA, `?status=confirmed`)).json().items).toEqual([]);
    expect((await list(secretaryA, `?workUnitId=${workUnitId}`)).json().items).toHaveLength(1);
    const history = (await list(secretaryA, `?memberId=${memberId}`)).json().items;
    expect(history.map((r: { id: string }) => r.id)).toEqual([reportId]);
    expect((await list(secretaryA, `?memberId=${county.compoundB.id}`)).json().items).toEqual([]);
    expect((await list(secretaryA, '?memberId=not-an-id')).statusCode).toBe(400);
    expect((await list(secretaryA, '?status=bogus')).statusCode).toBe(400);
    expect((await list(memberSession)).statusCode).toBe(403);
  });

  it('has no receipt before confirmation (409)', async () => {
    expect((await as(t.app, secretaryA).get(`${LIST}/${reportId}/receipt`)).statusCode).toBe(409);
  });

  it('refuses decisions out of scope (403), without a reason to reject (400), unknown (404)', async () => {
    const decide = (s: Session, b: unknown, id = reportId) => as(t.app, s).post(`${LIST}/${id}/decision`, b);
    expect((await decide(longquanAdmin, { decision: 'confirmed' })).statusCode).toBe(403);
    expect((await decide(memberSession, { decision: 'confirmed' })).statusCode).toBe(403);
    expect((await decide(secretaryA, { decision: 'rejected' })).statusCode).toBe(400);
    expect((await decide(secretaryA, { decision: 'rejected', reason: '' })).statusCode).toBe(400);
    expect((await decide(secretaryA, { decision: 'maybe' })).statusCode).toBe(400);
    expect(
      (await decide(secretaryA, { decision: 'confirmed' }, '01900000-0000-7000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('confirms with a receipt number and the member status, then refuses a second decision (409)', async () => {
    const response = await as(t.app, secretaryA).post(`${LIST}/${reportId}/decision`, { decision: 'confirmed' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'confirmed', abilities: { decide: false } });
    expect(response.json().receiptNo).toMatch(/^BD-2026-\d{6}$/);
    expect(response.json().decidedAt).toBe(t.clock.now().toISOString());
    expect(await reportInStatus(memberId)).toBe('confirmed');
    const row = await t.platform.db
      .selectFrom('member_report_in')
      .selectAll()
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(row.decided_by).toBe(secretaryA.userId);
    expect(await auditRowsOf(t.platform, 'member_report_in.confirm', reportId)).toHaveLength(1);
    const twice = await as(t.app, secretaryA).post(`${LIST}/${reportId}/decision`, {
      decision: 'rejected',
      reason: '重复',
    });
    expect(twice.statusCode).toBe(409);
    expect((await as(t.app, memberSession).post(ME, {})).statusCode).toBe(409);
  });

  it('gives the printable receipt to the branch and to the member, not to others', async () => {
    const receipt = await as(t.app, secretaryA).get(`${LIST}/${reportId}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toMatchObject({
      reportInId: reportId,
      memberName: '王在职',
      workUnitName: '县财政局',
      workUnitPartyOrgName: '县财政局机关党支部',
      compoundName: '金碧花园',
      confirmedAt: t.clock.now().toISOString(),
    });
    expect(receipt.json().branchName).toEqual(expect.any(String));
    expect((await as(t.app, memberSession).get(`${LIST}/${reportId}/receipt`)).statusCode).toBe(200);
    expect((await as(t.app, longquanAdmin).get(`${LIST}/${reportId}/receipt`)).statusCode).toBe(403);
    const other = await signInAsMember(t.platform, county.compoundA);
    expect((await as(t.app, other.session).get(`${LIST}/${reportId}/receipt`)).statusCode).toBe(403);
  });

  it('rejects with a reason; the member may then report in again', async () => {
    const { session, member } = await signInAsMember(t.platform, county.compoundA);
    const first = (await as(t.app, session).post(ME, {})).json();
    const rejected = await as(t.app, secretaryA).post(`${LIST}/${first.id}/decision`, {
      decision: 'rejected',
      reason: '不在本小区居住',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '不在本小区居住', receiptNo: null });
    expect(await reportInStatus(member.id)).toBe('rejected');
    expect((await as(t.app, session).post(ME, {})).statusCode).toBe(201);
    expect((await as(t.app, session).get(ME)).json().items).toHaveLength(2);
  });
});
