import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../../test/harness.ts';
import { auditRowsOf, ifMatch } from '../../organisation/organisation.test-support.ts';
import { API, CATEGORY, createNeedAs, type PostsTest, setupPostsTest } from './posts.test-support.ts';

describe('needs (需求清单)', () => {
  let s: PostsTest;
  beforeAll(async () => {
    s = await setupPostsTest();
  });
  afterAll(() => s.t.close());

  it('lets the branch list a need for a household of its compound, with a masked address (201)', async () => {
    const res = await as(s.t.app, s.secretaryA).post(`${API}/needs`, {
      compoundId: s.county.compoundA.id,
      categoryId: CATEGORY,
      title: '维修水管',
      description: '厨房水管漏水',
      householdId: s.householdA,
      dueOn: '2026-12-31',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      compoundName: '金碧花园',
      householdId: s.householdA,
      householdAddress: '3栋2单元5**',
      status: 'open',
      claimantId: null,
      claimedByMe: false,
      abilities: { update: true, setStatus: true, claim: false },
    });
    expect(await auditRowsOf(s.t.platform, 'need.create', res.json().id)).toHaveLength(1);
  });

  it('refuses needs without a session (401), outside scope or by members (403), with bad input (400)', async () => {
    const body = { compoundId: s.county.compoundA.id, categoryId: CATEGORY, title: '需求', description: '说明' };
    expect((await as(s.t.app, null).post(`${API}/needs`, body)).statusCode).toBe(401);
    expect((await as(s.t.app, s.longquanAdmin).post(`${API}/needs`, body)).statusCode).toBe(403);
    expect((await as(s.t.app, s.member.session).post(`${API}/needs`, body)).statusCode).toBe(403);
    expect((await as(s.t.app, s.secretaryA).post(`${API}/needs`, { ...body, title: '' })).statusCode).toBe(400);
    const foreign = await as(s.t.app, s.secretaryA).post(`${API}/needs`, { ...body, householdId: s.householdB });
    expect(foreign.json().error.details.issues).toEqual([{ path: 'householdId', message: 'household' }]);
  });

  it('gives one need to exactly one claimant: the second member gets 409', async () => {
    const need = await createNeedAs(s);
    const first = await as(s.t.app, s.member.session).post(`${API}/needs/${need.id}/claim`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'claimed', claimantName: '张三', claimedByMe: true });
    const second = await as(s.t.app, s.neighbour.session).post(`${API}/needs/${need.id}/claim`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details).toEqual({ reason: 'need_not_open' });
    const row = await s.t.platform.db
      .selectFrom('need')
      .selectAll()
      .where('id', '=', need.id)
      .executeTakeFirstOrThrow();
    expect(row.claimed_by_member_id).toBe(s.member.member.id);
    expect(await auditRowsOf(s.t.platform, 'need.claim', need.id)).toHaveLength(1);
  });

  it('keeps members of other compounds and non-members from claiming (403), and anonymous callers (401)', async () => {
    const need = await createNeedAs(s);
    expect((await as(s.t.app, null).post(`${API}/needs/${need.id}/claim`)).statusCode).toBe(401);
    expect((await as(s.t.app, s.outsider.session).post(`${API}/needs/${need.id}/claim`)).statusCode).toBe(403);
    expect((await as(s.t.app, s.secretaryA).post(`${API}/needs/${need.id}/claim`)).statusCode).toBe(403);
    expect((await as(s.t.app, s.member.session).post(`${API}/needs/${need.id}/claim`, { a: 1 })).statusCode).toBe(400);
  });

  it('moves needs by the status table: done, reopen releases the claimant, same status is 409', async () => {
    const need = await createNeedAs(s);
    await as(s.t.app, s.member.session).post(`${API}/needs/${need.id}/claim`);
    const setStatus = (session: PostsTest['secretaryA'] | null, status: string) =>
      as(s.t.app, session).post(`${API}/needs/${need.id}/status`, { status });
    expect((await setStatus(null, 'done')).statusCode).toBe(401);
    expect((await setStatus(s.longquanAdmin, 'done')).statusCode).toBe(403);
    expect((await setStatus(s.member.session, 'done')).statusCode).toBe(403);
    expect((await setStatus(s.secretaryA, 'claimed')).statusCode).toBe(400);
    const reopened = await setStatus(s.secretaryA, 'open');
    expect(reopened.json()).toMatchObject({ status: 'open', claimantId: null, claimedAt: null });
    expect((await setStatus(s.secretaryA, 'open')).statusCode).toBe(409);
    expect((await setStatus(s.secretaryA, 'cancelled')).json()).toMatchObject({ status: 'cancelled' });
    expect((await setStatus(s.secretaryA, 'done')).json().error.details).toEqual({
      reason: 'need_status',
      from: 'cancelled',
      to: 'done',
    });
    const audits = await auditRowsOf(s.t.platform, 'need.status', need.id);
    expect(audits.map((a) => a.details?.to)).toEqual(['open', 'cancelled']);
  });

  it('edits a need under If-Match and shows it to members of the compound only', async () => {
    const need = await createNeedAs(s);
    const patch = (session: PostsTest['secretaryA'], body: unknown, headers?: Record<string, string>) =>
      as(s.t.app, session).patch(`${API}/needs/${need.id}`, body, headers);
    expect((await patch(s.secretaryA, { title: '新标题' })).statusCode).toBe(428);
    expect((await patch(s.longquanAdmin, { title: '新标题' }, ifMatch(1))).statusCode).toBe(403);
    expect((await patch(s.secretaryA, { dueOn: 'tomorrow' }, ifMatch(1))).statusCode).toBe(400);
    const res = await patch(s.secretaryA, { title: '新标题', householdId: s.householdA }, ifMatch(1));
    expect(res.json()).toMatchObject({ title: '新标题', householdId: s.householdA, version: 2 });
    expect(errorCode(await patch(s.secretaryA, { householdId: null }, ifMatch(1)))).toBe('VERSION_STALE');
    const cleared = await patch(s.secretaryA, { householdId: null }, ifMatch(2));
    expect(cleared.json()).toMatchObject({ householdId: null, householdAddress: null });
    const seen = await as(s.t.app, s.neighbour.session).get(`${API}/needs/${need.id}`);
    expect(seen.json().abilities).toEqual({ update: false, setStatus: false, claim: true });
    expect((await as(s.t.app, s.outsider.session).get(`${API}/needs/${need.id}`)).statusCode).toBe(403);
    expect((await as(s.t.app, null).get(`${API}/needs/${need.id}`)).statusCode).toBe(401);
  });

  it('lists needs by scope with filters, and a member sees open needs of the compound plus their own', async () => {
    const open = await createNeedAs(s, { title: '陪同就医' });
    const mine = await createNeedAs(s, { title: '代缴水费' });
    await as(s.t.app, s.member.session).post(`${API}/needs/${mine.id}/claim`);
    const taken = await createNeedAs(s, { title: '别人的' });
    await as(s.t.app, s.neighbour.session).post(`${API}/needs/${taken.id}/claim`);
    const q = await as(s.t.app, s.secretaryA).get(`${API}/needs?q=${encodeURIComponent('就医')}&status=open`);
    expect(q.json().items.map((n: { id: string }) => n.id)).toEqual([open.id]);
    expect((await as(s.t.app, s.longquanAdmin).get(`${API}/needs`)).json().items).toEqual([]);
    expect((await as(s.t.app, null).get(`${API}/needs`)).statusCode).toBe(401);
    expect((await as(s.t.app, s.secretaryA).get(`${API}/needs?status=x`)).statusCode).toBe(400);
    const myList = (await as(s.t.app, s.member.session).get(`${API}/me/needs?limit=200`)).json().items;
    const ids = myList.map((n: { id: string }) => n.id);
    expect(ids).toContain(open.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(taken.id);
    expect(myList.find((n: { id: string }) => n.id === mine.id).claimedByMe).toBe(true);
    expect((await as(s.t.app, s.outsider.session).get(`${API}/me/needs`)).json().items).toEqual([]);
    expect((await as(s.t.app, s.secretaryA).get(`${API}/me/needs`)).statusCode).toBe(403);
  });
});
