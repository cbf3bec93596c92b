import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../../test/harness.ts';
import { defaultPostCategoryId } from '../../../db/migrations/0006-members.ts';
import { auditRowsOf, ifMatch } from '../../organisation/organisation.test-support.ts';
import { signInAsMember } from '../members.test-support.ts';
import { API, CATEGORY, createPostAs, type PostsTest, setupPostsTest } from './posts.test-support.ts';

describe('post claims (认岗) and their approval', () => {
  let s: PostsTest;
  beforeAll(async () => {
    s = await setupPostsTest();
  });
  afterAll(() => s.t.close());

  const claim = (session: PostsTest['member']['session'] | null, postId: string, body: unknown = {}) =>
    as(s.t.app, session).post(`${API}/posts/${postId}/claims`, body);
  const decide = (session: PostsTest['secretaryA'], claimId: string, body: unknown) =>
    as(s.t.app, session).post(`${API}/post-claims/${claimId}/decision`, body);

  it('records a pending claim by a member of the compound (201) and audits it', async () => {
    const post = await createPostAs(s);
    const res = await claim(s.member.session, post.id, { note: '我住3栋' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      postId: post.id,
      postTitle: '楼栋长',
      memberId: s.member.member.id,
      memberName: '张三',
      status: 'pending',
      note: '我住3栋',
      decidedAt: null,
    });
    const [audit] = await auditRowsOf(s.t.platform, 'post_claim.create', res.json().id);
    expect(audit?.details).toEqual({ postId: post.id, memberId: s.member.member.id });
  });

  it('refuses a claim without a session (401), from another compound or a non-member (403), bad input (400)', async () => {
    const post = await createPostAs(s);
    expect((await claim(null, post.id)).statusCode).toBe(401);
    expect((await claim(s.outsider.session, post.id)).statusCode).toBe(403);
    expect((await claim(s.secretaryA, post.id)).statusCode).toBe(403);
    expect((await claim(s.member.session, post.id, { note: 'x'.repeat(201) })).statusCode).toBe(400);
    expect((await claim(s.member.session, '00000000-0000-7000-8000-0000000000aa')).statusCode).toBe(404);
  });

  it('refuses a second live claim by the same member (409 DUPLICATE)', async () => {
    const post = await createPostAs(s);
    expect((await claim(s.member.session, post.id)).statusCode).toBe(201);
    const again = await claim(s.member.session, post.id);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('DUPLICATE');
  });

  it('approves only while seats remain, and refuses new claims on a full or closed post (409 CONFLICT)', async () => {
    const post = await createPostAs(s, { seats: 1 });
    const first = (await claim(s.member.session, post.id)).json();
    const second = (await claim(s.neighbour.session, post.id)).json();
    expect((await decide(s.secretaryA, first.id, { decision: 'approved' })).json()).toMatchObject({
      status: 'approved',
    });
    const over = await decide(s.secretaryA, second.id, { decision: 'approved' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'no_free_seat', seats: 1, claimedSeats: 1 },
    });
    const late = await signInAsMember(s.t.platform, s.county.compoundA);
    const full = await claim(late.session, post.id);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details).toEqual({ reason: 'no_free_seat', seats: 1, claimedSeats: 1 });
    const approved = await s.t.platform.db
      .selectFrom('post_claim')
      .select('id')
      .where('post_id', '=', post.id)
      .where('status', '=', 'approved')
      .execute();
    expect(approved).toHaveLength(1);
    const closed = await createPostAs(s);
    await as(s.t.app, s.secretaryA).patch(`${API}/posts/${closed.id}`, { status: 'closed' }, ifMatch(1));
    expect((await claim(late.session, closed.id)).json().error.details).toEqual({ reason: 'post_closed' });
  });

  it('rejects with a reason only (400 without), out of scope is 403, a decided claim is 409', async () => {
    const post = await createPostAs(s);
    const pending = (await claim(s.member.session, post.id)).json();
    expect((await decide(s.secretaryA, pending.id, { decision: 'rejected' })).statusCode).toBe(400);
    expect((await decide(s.longquanAdmin, pending.id, { decision: 'approved' })).statusCode).toBe(403);
    expect(
      (await as(s.t.app, null).post(`${API}/post-claims/${pending.id}/decision`, { decision: 'approved' })).statusCode,
    ).toBe(401);
    const res = await decide(s.secretaryA, pending.id, { decision: 'rejected', reason: '该岗位需要医护背景' });
    expect(res.json()).toMatchObject({ status: 'rejected', reason: '该岗位需要医护背景' });
    expect((await decide(s.secretaryA, pending.id, { decision: 'approved' })).json().error.details).toMatchObject({
      reason: 'claim_not_pending',
    });
    const [audit] = await auditRowsOf(s.t.platform, 'post_claim.decide', pending.id);
    expect(audit?.details).toMatchObject({ decision: 'rejected' });
    expect((await claim(s.member.session, post.id)).statusCode).toBe(201);
  });

  it('lets only the claiming member withdraw, which frees the seat', async () => {
    const post = await createPostAs(s, { seats: 1 });
    const mine = (await claim(s.member.session, post.id)).json();
    await decide(s.secretaryA, mine.id, { decision: 'approved' });
    const withdraw = (session: PostsTest['secretaryA'] | null) =>
      as(s.t.app, session).post(`${API}/post-claims/${mine.id}/withdraw`);
    expect((await withdraw(null)).statusCode).toBe(401);
    expect((await withdraw(s.neighbour.session)).statusCode).toBe(403);
    expect(
      (await as(s.t.app, s.member.session).post(`${API}/post-claims/${mine.id}/withdraw`, { x: 1 })).statusCode,
    ).toBe(400);
    const res = await withdraw(s.member.session);
    expect(res.json()).toMatchObject({ status: 'withdrawn' });
    expect((await withdraw(s.member.session)).statusCode).toBe(409);
    expect((await claim(s.neighbour.session, post.id)).statusCode).toBe(201);
    expect(await auditRowsOf(s.t.platform, 'post_claim.withdraw', mine.id)).toHaveLength(1);
  });

  it('lists claims to managers by scope with filters, and each member their own', async () => {
    const post = await createPostAs(s);
    await claim(s.neighbour.session, post.id);
    const queue = await as(s.t.app, s.secretaryA).get(`${API}/post-claims?status=pending&postId=${post.id}`);
    expect(queue.json().items.map((c: { memberName: string }) => c.memberName)).toEqual(['李四']);
    expect((await as(s.t.app, s.longquanAdmin).get(`${API}/post-claims`)).json().items).toEqual([]);
    expect((await as(s.t.app, s.member.session).get(`${API}/post-claims`)).statusCode).toBe(403);
    expect((await as(s.t.app, null).get(`${API}/post-claims`)).statusCode).toBe(401);
    expect((await as(s.t.app, s.secretaryA).get(`${API}/post-claims?status=maybe`)).statusCode).toBe(400);
    const mine = (await as(s.t.app, s.neighbour.session).get(`${API}/me/claims`)).json().items;
    expect(mine.every((c: { memberId: string }) => c.memberId === s.neighbour.member.id)).toBe(true);
    expect(mine.length).toBeGreaterThan(0);
    expect((await as(s.t.app, s.secretaryA).get(`${API}/me/claims`)).statusCode).toBe(403);
  });

  it('shows a member the open posts of their compound with their own claim on each', async () => {
    const post = await createPostAs(s, { title: '我的岗位' });
    const c = (await claim(s.member.session, post.id)).json();
    const page = (await as(s.t.app, s.member.session).get(`${API}/me/posts?limit=200`)).json();
    const mine = page.items.find((p: { id: string }) => p.id === post.id);
    expect(mine.myClaim).toEqual({ id: c.id, status: 'pending' });
    expect(
      page.items.every(
        (p: { status: string; compoundId: string }) => p.status === 'open' && p.compoundId === s.county.compoundA.id,
      ),
    ).toBe(true);
    expect((await as(s.t.app, s.outsider.session).get(`${API}/me/posts`)).json().items).toEqual([]);
    expect((await as(s.t.app, null).get(`${API}/me/posts`)).statusCode).toBe(401);
    expect((await as(s.t.app, s.member.session).get(`${API}/me/posts?limit=0`)).statusCode).toBe(400);
    // By category: the post is under CATEGORY, so another category does not list it.
    const other = defaultPostCategoryId(5);
    const byOther = (await as(s.t.app, s.member.session).get(`${API}/me/posts?limit=200&categoryId=${other}`)).json();
    expect(byOther.items.some((p: { id: string }) => p.id === post.id)).toBe(false);
    const byOwn = (await as(s.t.app, s.member.session).get(`${API}/me/posts?limit=200&categoryId=${CATEGORY}`)).json();
    expect(byOwn.items.some((p: { id: string }) => p.id === post.id)).toBe(true);
    expect(byOwn.items.every((p: { categoryId: string }) => p.categoryId === CATEGORY)).toBe(true);
    expect((await as(s.t.app, s.member.session).get(`${API}/me/posts?categoryId=x`)).statusCode).toBe(400);
    const detail = (await as(s.t.app, s.neighbour.session).get(`${API}/posts/${post.id}`)).json();
    expect(detail.claims).toEqual([]);
    expect((await as(s.t.app, s.secretaryA).get(`${API}/posts/${post.id}`)).json().claims).toHaveLength(1);
  });
});
