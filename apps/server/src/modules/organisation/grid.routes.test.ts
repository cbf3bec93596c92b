import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, createGrid, signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, ifMatch, setupOrganisationTest } from './organisation.test-support.ts';

describe('grids', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let longquanAdmin: Session;

  beforeAll(async () => {
    ({ t, county, countyAdmin, longquanAdmin } = await setupOrganisationTest('countyAdmin', 'longquanAdmin'));
  });
  afterAll(() => t.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    code: '530102003004005',
    name: '金碧一网格',
    orgId: county.community.id,
    compoundId: county.compoundA.id,
    ...extra,
  });

  describe('POST /grids', () => {
    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).post('/api/v1/grids', body())).statusCode).toBe(401);
    });

    it('refuses a committee admin of 龙泉镇 drawing a grid in 金碧镇', async () => {
      expect((await as(t.app, longquanAdmin).post('/api/v1/grids', body())).statusCode).toBe(403);
    });

    it('answers 400 for a code that is not a valid 15-digit grid code, and for missing fields', async () => {
      for (const code of ['53010200300400', '530102003004000', '990102003004005', '5301020030040a5']) {
        const response = await as(t.app, countyAdmin).post('/api/v1/grids', body({ code }));
        expect(response.statusCode, code).toBe(400);
        expect(errorCode(response)).toBe('VALIDATION_FAILED');
      }
      expect((await as(t.app, countyAdmin).post('/api/v1/grids', { code: '530102003004005' })).statusCode).toBe(400);
    });

    it('answers 400 for a grid drawn on a compound branch instead of a community', async () => {
      const response = await as(t.app, countyAdmin).post(
        '/api/v1/grids',
        body({ orgId: county.compoundA.branch?.id, compoundId: undefined }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.issues[0].message).toBe('notAGridHome');
    });

    it('answers 400 when the compound lies outside the grid org', async () => {
      const response = await as(t.app, countyAdmin).post('/api/v1/grids', body({ compoundId: county.compoundB.id }));
      expect(response.statusCode).toBe(400);
    });

    it('lets the branch secretary draw a grid in their compound, audited, and refuses the same code twice', async () => {
      const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
      const response = await as(t.app, secretary).post('/api/v1/grids', body());
      expect(response.statusCode).toBe(201);
      const grid = response.json();
      expect(grid).toMatchObject({
        code: '530102003004005',
        orgName: '金碧社区党总支',
        compoundName: '金碧花园',
        workers: [],
      });
      const row = await t.platform.db
        .selectFrom('grid')
        .selectAll()
        .where('id', '=', grid.id)
        .executeTakeFirstOrThrow();
      expect(row.path).toBe(`${county.compoundA.path}${grid.id}/`);
      expect(await auditRowsOf(t.platform, 'grid.create', grid.id)).toHaveLength(1);
      const twice = await as(t.app, countyAdmin).post('/api/v1/grids', body({ name: '重复网格' }));
      expect(twice.statusCode).toBe(409);
      expect(errorCode(twice)).toBe('DUPLICATE');
    });
  });

  describe('GET /grids and /grids/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).get('/api/v1/grids')).statusCode).toBe(401);
      expect((await as(t.app, null).get(`/api/v1/grids/${county.gridA.id}`)).statusCode).toBe(401);
    });

    it('refuses a committee admin of 龙泉镇 reading a grid of 金碧镇, and lists none of them', async () => {
      expect((await as(t.app, longquanAdmin).get(`/api/v1/grids/${county.gridA.id}`)).statusCode).toBe(403);
      const list = (await as(t.app, longquanAdmin).get('/api/v1/grids')).json();
      expect(list.items.every((g: { orgId: string }) => g.orgId !== county.community.id)).toBe(true);
    });

    it('answers 400 for a bad cursor or limit', async () => {
      expect((await as(t.app, countyAdmin).get('/api/v1/grids/not-an-id')).statusCode).toBe(400);
      expect((await as(t.app, countyAdmin).get('/api/v1/grids?cursor=%%%')).statusCode).toBe(400);
      expect((await as(t.app, countyAdmin).get('/api/v1/grids?limit=500')).statusCode).toBe(400);
    });

    it('shows the grid workers on the list and lets a worker open their own grid', async () => {
      const worker = await signInAs(t.platform, 'grid_worker', county.gridA, '网格员小张');
      const list = (await as(t.app, countyAdmin).get(`/api/v1/grids?compoundId=${county.compoundA.id}`)).json();
      const gridA = list.items.find((g: { id: string }) => g.id === county.gridA.id);
      expect(gridA.workers).toEqual([{ userId: worker.userId, displayName: '网格员小张' }]);
      const own = await as(t.app, worker).get(`/api/v1/grids/${county.gridA.id}`);
      expect(own.statusCode).toBe(200);
      expect(own.headers.etag).toBe('"v1"');
    });

    it('tells a grid worker they may not edit their grid, and the county admin that they may', async () => {
      const worker = await signInAs(t.platform, 'grid_worker', county.gridA);
      const own = await as(t.app, worker).get(`/api/v1/grids/${county.gridA.id}`);
      expect(own.json().abilities).toEqual({ update: false });
      const admin = await as(t.app, countyAdmin).get(`/api/v1/grids/${county.gridA.id}`);
      expect(admin.json()).toMatchObject({ id: county.gridA.id, abilities: { update: true } });
    });

    it('pages through every grid of an org once', async () => {
      const compound = await createCompound(t.platform, county.otherCommunity);
      for (let i = 0; i < 7; i += 1) await createGrid(t.platform, county.otherCommunity, compound);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&cursor=${cursor}` : '';
        const page = (
          await as(t.app, longquanAdmin).get(`/api/v1/grids?orgId=${county.otherCommunity.id}&limit=3${after}`)
        ).json();
        seen.push(...page.items.map((g: { id: string }) => g.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    });
  });

  describe('PATCH /grids/:id', () => {
    it('answers 401 without a session', async () => {
      const response = await as(t.app, null).patch(`/api/v1/grids/${county.gridA.id}`, { name: 'x' }, ifMatch(1));
      expect(response.statusCode).toBe(401);
    });

    it('refuses a committee admin of 龙泉镇 editing a grid of 金碧镇', async () => {
      const response = await as(t.app, longquanAdmin).patch(
        `/api/v1/grids/${county.gridA.id}`,
        { name: 'x' },
        ifMatch(1),
      );
      expect(response.statusCode).toBe(403);
    });

    it('answers 400 for a code change, which the grid keeps for life', async () => {
      const response = await as(t.app, countyAdmin).patch(
        `/api/v1/grids/${county.gridA.id}`,
        { code: '530102003004006' },
        ifMatch(1),
      );
      expect(response.statusCode).toBe(400);
    });

    it('moves a grid out of its compound with its workers, at the version read', async () => {
      const grid = await createGrid(t.platform, county.community, county.compoundA);
      const worker = await signInAs(t.platform, 'grid_worker', grid);
      const url = `/api/v1/grids/${grid.id}`;
      const saved = await as(t.app, countyAdmin).patch(url, { name: '社区网格', compoundId: null }, ifMatch(1));
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        name: '社区网格',
        compoundId: null,
        version: 2,
        abilities: { update: true },
      });
      const newPath = `${county.community.path}${grid.id}/`;
      const row = await t.platform.db
        .selectFrom('grid')
        .select('path')
        .where('id', '=', grid.id)
        .executeTakeFirstOrThrow();
      expect(row.path).toBe(newPath);
      const scope = await t.platform.db
        .selectFrom('role_assignment')
        .select('scope_path')
        .where('user_id', '=', worker.userId)
        .executeTakeFirstOrThrow();
      expect(scope.scope_path).toBe(newPath);
      expect((await as(t.app, worker).get(url)).statusCode).toBe(200);
      expect((await as(t.app, countyAdmin).patch(url, { name: '旧' }, ifMatch(1))).statusCode).toBe(412);
      expect(await auditRowsOf(t.platform, 'grid.update', grid.id)).toHaveLength(1);
    });
  });
});
