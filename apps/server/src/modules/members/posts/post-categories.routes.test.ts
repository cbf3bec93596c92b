import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../../test/harness.ts';
import { DEFAULT_POST_CATEGORIES } from '../../../db/migrations/0006-members.ts';
import {
  auditRowsOf,
  ifMatch,
  type OrganisationTest,
  setupOrganisationTest,
} from '../../organisation/organisation.test-support.ts';

const URL = '/api/v1/post-categories';

describe('post categories', () => {
  let s: OrganisationTest<'countyAdmin' | 'jinbiAdmin' | 'secretaryA'>;
  beforeAll(async () => {
    s = await setupOrganisationTest('countyAdmin', 'jinbiAdmin', 'secretaryA');
  });
  afterAll(() => s.t.close());

  it('lists the eight default categories in order to anyone signed in, and nobody else', async () => {
    expect((await as(s.t.app, null).get(URL)).statusCode).toBe(401);
    const res = await as(s.t.app, s.secretaryA).get(URL);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((c: { name: string }) => c.name);
    expect(names.slice(0, 8)).toEqual([...DEFAULT_POST_CATEGORIES]);
  });

  it('lets only county admins add a category (403 for a committee admin), with valid input (400)', async () => {
    expect((await as(s.t.app, null).post(URL, { name: '环境保护' })).statusCode).toBe(401);
    const denied = await as(s.t.app, s.jinbiAdmin).post(URL, { name: '环境保护' });
    expect(denied.statusCode).toBe(403);
    expect((await as(s.t.app, s.countyAdmin).post(URL, { name: '' })).statusCode).toBe(400);
    const res = await as(s.t.app, s.countyAdmin).post(URL, { name: '环境保护' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '环境保护', sortOrder: 9, active: true, version: 1 });
    expect(await auditRowsOf(s.t.platform, 'post_category.create', res.json().id)).toHaveLength(1);
    const again = await as(s.t.app, s.countyAdmin).post(URL, { name: '环境保护' });
    expect(again.statusCode).toBe(409);
  });

  it('renames and deactivates a category under If-Match instead of deleting it', async () => {
    const { id } = (await as(s.t.app, s.countyAdmin).post(URL, { name: '临时类别' })).json();
    expect((await as(s.t.app, s.countyAdmin).patch(`${URL}/${id}`, { active: false })).statusCode).toBe(428);
    expect((await as(s.t.app, s.secretaryA).patch(`${URL}/${id}`, { active: false }, ifMatch(1))).statusCode).toBe(403);
    expect((await as(s.t.app, s.countyAdmin).patch(`${URL}/${id}`, { sortOrder: -1 }, ifMatch(1))).statusCode).toBe(
      400,
    );
    const res = await as(s.t.app, s.countyAdmin).patch(`${URL}/${id}`, { name: '停用类别', active: false }, ifMatch(1));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '停用类别', active: false, version: 2 });
    expect(res.headers.etag).toBe('"v2"');
    const stale = await as(s.t.app, s.countyAdmin).patch(`${URL}/${id}`, { active: true }, ifMatch(1));
    expect(errorCode(stale)).toBe('VERSION_STALE');
    const listed = (await as(s.t.app, s.secretaryA).get(URL)).json().items;
    expect(listed.find((c: { id: string }) => c.id === id)).toMatchObject({ active: false });
  });

  it('refuses an inactive category for a new post (400 on categoryId)', async () => {
    const { id } = (await as(s.t.app, s.countyAdmin).post(URL, { name: '旧类别' })).json();
    await as(s.t.app, s.countyAdmin).patch(`${URL}/${id}`, { active: false }, ifMatch(1));
    const res = await as(s.t.app, s.secretaryA).post('/api/v1/posts', {
      compoundId: s.county.compoundA.id,
      categoryId: id,
      title: '岗位',
      duties: '职责',
      seats: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([{ path: 'categoryId', message: 'category' }]);
  });
});
