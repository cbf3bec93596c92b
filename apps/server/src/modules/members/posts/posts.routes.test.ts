import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode } from '../../../../test/harness.ts';
import { auditRowsOf, ifMatch } from '../../organisation/organisation.test-support.ts';
import { API, CATEGORY, createPostAs, type PostsTest, setupPostsTest } from './posts.test-support.ts';

describe('posts (设岗定责)', () => {
  let s: PostsTest;
  beforeAll(async () => {
    s = await setupPostsTest();
  });
  afterAll(() => s.t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    compoundId: s.county.compoundA.id,
    categoryId: CATEGORY,
    title: '卫生监督岗',
    duties: '每周巡查楼道卫生',
    seats: 3,
    ...overrides,
  });

  it('creates a post with a household area for the compound secretary (201) and audits it', async () => {
    const res = await as(s.t.app, s.secretaryA).post(
      `${API}/posts`,
      body({ area: { kind: 'households', householdIds: [s.householdA] } }),
    );
    expect(res.statusCode).toBe(201);
    const post = res.json();
    expect(post).toMatchObject({
      compoundName: '金碧花园',
      categoryName: '组织建设',
      seats: 3,
      claimedSeats: 0,
      pendingClaims: 0,
      status: 'open',
      area: { kind: 'households', householdIds: [s.householdA], buildings: [], dutyZoneId: null },
      claims: [],
      abilities: { update: true, claim: false },
    });
    const [audit] = await auditRowsOf(s.t.platform, 'post.create', post.id);
    expect(audit?.details).toMatchObject({ compoundId: s.county.compoundA.id, area: 'households' });
    const stored = await s.t.platform.db
      .selectFrom('post_household')
      .selectAll()
      .where('post_id', '=', post.id)
      .execute();
    expect(stored).toEqual([{ post_id: post.id, household_id: s.householdA }]);
  });

  it('refuses creation without a session (401), outside the scope (403) and with bad input (400)', async () => {
    expect((await as(s.t.app, null).post(`${API}/posts`, body())).statusCode).toBe(401);
    const outside = await as(s.t.app, s.secretaryA).post(`${API}/posts`, body({ compoundId: s.county.compoundB.id }));
    expect(outside.statusCode).toBe(403);
    expect((await as(s.t.app, s.member.session).post(`${API}/posts`, body())).statusCode).toBe(403);
    expect((await as(s.t.app, s.secretaryA).post(`${API}/posts`, body({ seats: 0 }))).statusCode).toBe(400);
    const foreignDoor = await as(s.t.app, s.secretaryA).post(
      `${API}/posts`,
      body({ area: { kind: 'households', householdIds: [s.householdB] } }),
    );
    expect(foreignDoor.statusCode).toBe(400);
    expect(foreignDoor.json().error.details.issues).toEqual([{ path: 'area.householdIds', message: 'household' }]);
    const noZone = await as(s.t.app, s.secretaryA).post(
      `${API}/posts`,
      body({ area: { kind: 'duty_zone', dutyZoneId: '00000000-0000-7000-8000-0000000000aa' } }),
    );
    expect(noZone.json().error.details.issues).toEqual([{ path: 'area.dutyZoneId', message: 'duty_zone' }]);
  });

  it('lists posts to managers by scope and to members of the compound only, with filters and paging', async () => {
    await createPostAs(s, { title: '治安巡逻岗', area: { kind: 'buildings', buildings: ['1栋', '2栋'] } });
    await createPostAs(s, { title: '文化宣传岗' });
    const mine = await as(s.t.app, s.secretaryA).get(`${API}/posts?q=${encodeURIComponent('巡逻')}`);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().items[0].area).toMatchObject({ kind: 'buildings', buildings: ['1栋', '2栋'] });
    const first = (await as(s.t.app, s.secretaryA).get(`${API}/posts?limit=1&sort=title&order=asc`)).json();
    expect(first.items).toHaveLength(1);
    const second = (
      await as(s.t.app, s.secretaryA).get(`${API}/posts?limit=1&sort=title&order=asc&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items[0].title > first.items[0].title).toBe(true);
    const wrongSort = await as(s.t.app, s.secretaryA).get(`${API}/posts?sort=createdAt&cursor=${first.nextCursor}`);
    expect(wrongSort.statusCode).toBe(400);
    const asMember = (await as(s.t.app, s.member.session).get(`${API}/posts`)).json().items;
    expect(asMember.length).toBeGreaterThanOrEqual(3);
    expect((await as(s.t.app, s.outsider.session).get(`${API}/posts`)).json().items).toEqual([]);
    expect((await as(s.t.app, s.longquanAdmin).get(`${API}/posts`)).json().items).toEqual([]);
    const handler = await signInAs(s.t.platform, 'handler', s.county.compoundA);
    expect((await as(s.t.app, handler).get(`${API}/posts`)).statusCode).toBe(403);
    expect((await as(s.t.app, null).get(`${API}/posts`)).statusCode).toBe(401);
    expect((await as(s.t.app, s.secretaryA).get(`${API}/posts?status=nope`)).statusCode).toBe(400);
  });

  it('shows a post to a member of its compound with the claim ability, and 403 to anyone outside', async () => {
    const { id } = await createPostAs(s);
    const res = await as(s.t.app, s.member.session).get(`${API}/posts/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ update: false, claim: true });
    expect(res.headers.etag).toBe('"v1"');
    expect((await as(s.t.app, s.outsider.session).get(`${API}/posts/${id}`)).statusCode).toBe(403);
    expect((await as(s.t.app, s.longquanAdmin).get(`${API}/posts/${id}`)).statusCode).toBe(403);
    expect((await as(s.t.app, null).get(`${API}/posts/${id}`)).statusCode).toBe(401);
    expect((await as(s.t.app, s.secretaryA).get(`${API}/posts/not-a-uuid`)).statusCode).toBe(400);
  });

  it('edits a post under If-Match and never below its approved claims', async () => {
    const { id } = await createPostAs(s, { seats: 2 });
    const claim = (await as(s.t.app, s.member.session).post(`${API}/posts/${id}/claims`, {})).json();
    await as(s.t.app, s.secretaryA).post(`${API}/post-claims/${claim.id}/decision`, { decision: 'approved' });
    expect((await as(s.t.app, s.secretaryA).patch(`${API}/posts/${id}`, { seats: 1 })).statusCode).toBe(428);
    expect((await as(s.t.app, s.longquanAdmin).patch(`${API}/posts/${id}`, { seats: 1 }, ifMatch(1))).statusCode).toBe(
      403,
    );
    expect((await as(s.t.app, s.secretaryA).patch(`${API}/posts/${id}`, { seats: 1000 }, ifMatch(1))).statusCode).toBe(
      400,
    );
    const tooFew = await as(s.t.app, s.secretaryA).patch(`${API}/posts/${id}`, { title: '新', seats: 0 }, ifMatch(1));
    expect(tooFew.statusCode).toBe(400);
    const res = await as(s.t.app, s.secretaryA).patch(
      `${API}/posts/${id}`,
      { seats: 1, status: 'closed', area: { kind: 'buildings', buildings: ['5栋'] } },
      ifMatch(1),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ seats: 1, claimedSeats: 1, status: 'closed', version: 2 });
    expect(res.json().area.buildings).toEqual(['5栋']);
    const below = await as(s.t.app, s.secretaryA).patch(`${API}/posts/${id}`, { status: 'open' }, ifMatch(1));
    expect(errorCode(below)).toBe('VERSION_STALE');
    expect(await auditRowsOf(s.t.platform, 'post.update', id)).toHaveLength(1);
  });

  it('refuses seats below the approved claims with 409', async () => {
    const { id } = await createPostAs(s, { seats: 3 });
    for (const m of [s.member, s.neighbour]) {
      const claim = (await as(s.t.app, m.session).post(`${API}/posts/${id}/claims`, {})).json();
      await as(s.t.app, s.secretaryA).post(`${API}/post-claims/${claim.id}/decision`, { decision: 'approved' });
    }
    const res = await as(s.t.app, s.secretaryA).patch(`${API}/posts/${id}`, { seats: 1 }, ifMatch(1));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'seats_below_claims', claimedSeats: 2 });
  });
});
