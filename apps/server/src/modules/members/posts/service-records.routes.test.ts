import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session } from '../../../../test/harness.ts';
import { jpegWithMetadata, multipartBody } from '../../../platform/files/image-fixtures.test-support.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import {
  API,
  createNeedAs,
  createPostAs,
  type PostsTest,
  setupPostsTest,
  signInAsResident,
} from './posts.test-support.ts';

describe('service records (服务登记卡) and ratings', () => {
  let s: PostsTest;
  let resident: Session;
  beforeAll(async () => {
    s = await setupPostsTest();
    resident = await signInAsResident(s.t.platform, s.householdA);
  });
  afterAll(() => s.t.close());

  const upload = async (session: Session): Promise<string> => {
    const body = multipartBody('p.jpg', jpegWithMetadata());
    const res = await s.t.app.inject({
      method: 'POST',
      url: `${API}/files`,
      headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: body.payload,
    });
    return res.json().id;
  };
  const log = (session: Session | null, body: Record<string, unknown>) =>
    as(s.t.app, session).post(`${API}/service-records`, {
      servedOn: '2026-11-26',
      hours: 1.5,
      content: '代买药品并送到家',
      ...body,
    });
  const getFile = (session: Session, id: string) =>
    s.t.app.inject({ method: 'GET', url: `${API}/files/${id}`, headers: { cookie: session.cookie } });

  it("logs a member's service on a claimed need with photos, and marks the need done", async () => {
    const need = await createNeedAs(s, { householdId: s.householdA });
    await as(s.t.app, s.member.session).post(`${API}/needs/${need.id}/claim`);
    const photo = await upload(s.member.session);
    const res = await log(s.member.session, { needId: need.id, photoIds: [photo] });
    expect(res.statusCode).toBe(201);
    const record = res.json();
    expect(record).toMatchObject({
      memberId: s.member.member.id,
      memberName: '张三',
      compoundName: '金碧花园',
      hours: 1.5,
      needId: need.id,
      needTitle: '代买药品',
      householdId: s.householdA,
      householdAddress: '3栋2单元5**',
      photos: [{ id: photo, url: `${API}/files/${photo}` }],
      rating: null,
    });
    const needRow = await s.t.platform.db
      .selectFrom('need')
      .select('status')
      .where('id', '=', need.id)
      .executeTakeFirstOrThrow();
    expect(needRow.status).toBe('done');
    const stored = await s.t.platform.db
      .selectFrom('service_record')
      .select('minutes')
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(stored.minutes).toBe(90);
    const [audit] = await auditRowsOf(s.t.platform, 'service_record.create', record.id);
    expect(audit?.details).toMatchObject({ needDone: true, onBehalf: false, photos: 1, minutes: 90 });
    expect((await getFile(s.secretaryA, photo)).statusCode).toBe(200);
    expect((await getFile(resident, photo)).statusCode).toBe(200);
    expect((await getFile(s.neighbour.session, photo)).statusCode).toBe(403);
    expect((await getFile(s.longquanAdmin, photo)).statusCode).toBe(403);
  });

  it('refuses a service without a session (401), for a non-member (403), with bad input (400)', async () => {
    expect((await log(null, {})).statusCode).toBe(401);
    expect((await log(s.secretaryA, {})).statusCode).toBe(403);
    for (const bad of [{ hours: 0.3 }, { hours: 25 }, { content: 'x' }, { servedOn: '2026-11-28' }]) {
      const res = await log(s.member.session, bad);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    const tooMany = await log(s.member.session, {
      photoIds: Array.from({ length: 10 }, () => '00000000-0000-7000-8000-000000000001'),
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it("accepts only the member's own claimed need, approved post and unattached uploads", async () => {
    const need = await createNeedAs(s);
    const notMine = await log(s.member.session, { needId: need.id });
    expect(notMine.json().error.details.issues).toEqual([{ path: 'needId', message: 'not_claimed' }]);
    const post = await createPostAs(s);
    const pending = (await as(s.t.app, s.member.session).post(`${API}/posts/${post.id}/claims`, {})).json();
    expect((await log(s.member.session, { postId: post.id })).json().error.details.issues).toEqual([
      { path: 'postId', message: 'not_claimed' },
    ]);
    await as(s.t.app, s.secretaryA).post(`${API}/post-claims/${pending.id}/decision`, { decision: 'approved' });
    const othersPhoto = await upload(s.neighbour.session);
    const stolen = await log(s.member.session, { postId: post.id, photoIds: [othersPhoto] });
    expect(stolen.json().error.details.issues).toEqual([{ path: 'photoIds', message: 'file' }]);
    expect(
      await s.t.platform.db.selectFrom('service_record').select('id').where('post_id', '=', post.id).execute(),
    ).toEqual([]);
    const ok = await log(s.member.session, { postId: post.id, householdId: s.householdA });
    expect(ok.json()).toMatchObject({ postId: post.id, postTitle: '楼栋长' });
    const foreignDoor = await log(s.member.session, { householdId: s.householdB });
    expect(foreignDoor.json().error.details.issues).toEqual([{ path: 'householdId', message: 'household' }]);
  });

  it('lets a manager log on behalf of a member in scope only (403 outside, 404 unknown member)', async () => {
    const onBehalf = await log(s.secretaryA, { memberId: s.neighbour.member.id, hours: 2 });
    expect(onBehalf.statusCode).toBe(201);
    expect(onBehalf.json()).toMatchObject({ memberId: s.neighbour.member.id, hours: 2 });
    const [audit] = await auditRowsOf(s.t.platform, 'service_record.create', onBehalf.json().id);
    expect(audit?.details).toMatchObject({ onBehalf: true });
    expect((await log(s.secretaryA, { memberId: s.outsider.member.id })).statusCode).toBe(403);
    expect((await log(s.secretaryA, { memberId: '00000000-0000-7000-8000-0000000000aa' })).statusCode).toBe(404);
  });

  it('takes one rating: the linked resident rates as resident, a second rating is 409', async () => {
    const record = (await log(s.member.session, { householdId: s.householdA })).json();
    const rate = (session: Session | null, body: unknown = { rating: 'satisfied' }) =>
      as(s.t.app, session).post(`${API}/service-records/${record.id}/rating`, body);
    expect((await rate(null)).statusCode).toBe(401);
    expect((await rate(s.neighbour.session)).statusCode).toBe(403);
    expect((await rate(s.member.session)).statusCode).toBe(403);
    expect((await rate(s.longquanAdmin)).statusCode).toBe(403);
    expect((await rate(resident, { rating: 'great' })).statusCode).toBe(400);
    const toRate = (await as(s.t.app, resident).get(`${API}/me/services-to-rate`)).json().items;
    expect(toRate.map((r: { id: string }) => r.id)).toContain(record.id);
    const res = await rate(resident, { rating: 'basically_satisfied', comment: '很及时' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rating: 'basically_satisfied', ratedByKind: 'resident', comment: '很及时' });
    const again = await rate(s.secretaryA, { rating: 'dissatisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'already_rated' });
    const after = (await as(s.t.app, resident).get(`${API}/me/services-to-rate`)).json().items;
    expect(after.map((r: { id: string }) => r.id)).not.toContain(record.id);
    const [audit] = await auditRowsOf(s.t.platform, 'service_record.rate', record.id);
    expect(audit?.details).toMatchObject({ ratedByKind: 'resident', rating: 'basically_satisfied' });
  });

  it('lets the branch rate a service nobody in the household rated', async () => {
    const record = (await log(s.member.session, {})).json();
    const res = await as(s.t.app, s.secretaryA).post(`${API}/service-records/${record.id}/rating`, {
      rating: 'satisfied',
    });
    expect(res.json()).toMatchObject({ rating: 'satisfied', ratedByKind: 'branch' });
  });

  it('lists records to managers by scope and filters, and to each member their own', async () => {
    const list = (session: Session | null, query = '') => as(s.t.app, session).get(`${API}/service-records${query}`);
    expect((await list(null)).statusCode).toBe(401);
    expect((await list(s.member.session)).statusCode).toBe(403);
    expect((await list(s.secretaryA, '?from=yesterday')).statusCode).toBe(400);
    expect((await list(s.longquanAdmin)).json().items).toEqual([]);
    const byMember = (await list(s.secretaryA, `?memberId=${s.neighbour.member.id}`)).json().items;
    expect(byMember.length).toBeGreaterThan(0);
    expect(byMember.every((r: { memberId: string }) => r.memberId === s.neighbour.member.id)).toBe(true);
    const rated = (await list(s.secretaryA, '?rated=true&from=2026-11-01&to=2026-11-30')).json().items;
    expect(rated.length).toBeGreaterThan(0);
    expect(rated.every((r: { rating: string | null }) => r.rating !== null)).toBe(true);
    const page = (await list(s.secretaryA, '?limit=1')).json();
    const next = (await list(s.secretaryA, `?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items[0].id).not.toBe(page.items[0].id);
    const mine = (await as(s.t.app, s.member.session).get(`${API}/me/service-records?limit=200`)).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r: { memberId: string }) => r.memberId === s.member.member.id)).toBe(true);
    expect((await as(s.t.app, s.secretaryA).get(`${API}/me/service-records`)).statusCode).toBe(403);
    const stranger = await signInAs(s.t.platform, 'resident', s.county.compoundA);
    expect((await as(s.t.app, stranger).get(`${API}/me/services-to-rate`)).json().items).toEqual([]);
    expect((await as(s.t.app, null).get(`${API}/me/services-to-rate`)).statusCode).toBe(401);
  });
});
