import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, createOrgUnit, signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, ifMatch, setupOrganisationTest } from './organisation.test-support.ts';

describe('org tree', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let jinbiAdmin: Session;
  let longquanAdmin: Session;

  beforeAll(async () => {
    ({ t, county, countyAdmin, jinbiAdmin, longquanAdmin } = await setupOrganisationTest(
      'countyAdmin',
      'jinbiAdmin',
      'longquanAdmin',
    ));
  });
  afterAll(() => t.close());

  const orgRow = (id: string) =>
    t.platform.db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('GET /org-units', () => {
    it('answers 401 without a session', async () => {
      const response = await as(t.app, null).get('/api/v1/org-units');
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    });

    it('starts each tree at the top of the caller scope', async () => {
      const roots = async (session: Session) =>
        (await as(t.app, session).get('/api/v1/org-units')).json().items.map((o: { id: string }) => o.id);
      expect(await roots(countyAdmin)).toEqual([county.county.id]);
      expect(await roots(jinbiAdmin)).toEqual([county.committee.id]);
      const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
      expect(await roots(secretary)).toEqual([county.compoundA.branch?.id]);
    });

    it('lists the children of a node with their child counts', async () => {
      const response = await as(t.app, countyAdmin).get(`/api/v1/org-units?parentId=${county.committee.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toEqual([
        expect.objectContaining({ id: county.community.id, name: '金碧社区党总支', childCount: 1 }),
      ]);
    });

    it('refuses the children of a node outside the caller scope', async () => {
      const response = await as(t.app, longquanAdmin).get(`/api/v1/org-units?parentId=${county.committee.id}`);
      expect(response.statusCode).toBe(403);
    });

    it('answers 400 for a parentId that is not an id', async () => {
      const response = await as(t.app, countyAdmin).get('/api/v1/org-units?parentId=abc');
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /org-units/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).get(`/api/v1/org-units/${county.community.id}`)).statusCode).toBe(401);
    });

    it('refuses a committee admin reading another town node', async () => {
      const response = await as(t.app, longquanAdmin).get(`/api/v1/org-units/${county.community.id}`);
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      expect((await as(t.app, countyAdmin).get('/api/v1/org-units/nope')).statusCode).toBe(400);
      const unknown = await as(t.app, countyAdmin).get('/api/v1/org-units/01900000-0000-7000-8000-000000000000');
      expect(unknown.statusCode).toBe(404);
    });

    it('gives the breadcrumb of ancestors and an ETag', async () => {
      const branchId = county.compoundA.branch?.id;
      const response = await as(t.app, countyAdmin).get(`/api/v1/org-units/${branchId}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"v1"');
      expect(response.json().ancestors.map((a: { name: string }) => a.name)).toEqual([
        '测试县委',
        '金碧镇党委',
        '金碧社区党总支',
      ]);
    });

    it('offers a county admin every action that a read-only branch committee member is refused', async () => {
      const leaf = await createOrgUnit(t.platform, { parent: county.community, kind: 'branch', name: '空支部' });
      const admin = (await as(t.app, countyAdmin).get(`/api/v1/org-units/${leaf.id}`)).json();
      expect(admin.abilities).toEqual({ update: true, move: true, delete: true, createChild: true });
      const committeeMember = await signInAs(t.platform, 'branch_committee', county.compoundA);
      const branchId = county.compoundA.branch?.id;
      const readOnly = (await as(t.app, committeeMember).get(`/api/v1/org-units/${branchId}`)).json();
      expect(readOnly.abilities).toEqual({ update: false, move: false, delete: false, createChild: false });
    });

    it('keeps a grid worker to their grid: the branch above it is out of scope', async () => {
      const worker = await signInAs(t.platform, 'grid_worker', county.gridA);
      const response = await as(t.app, worker).get(`/api/v1/org-units/${county.compoundA.branch?.id}`);
      expect(response.statusCode).toBe(403);
    });

    it('offers no delete while compounds hang below, and no move of a scope root', async () => {
      const community = (await as(t.app, countyAdmin).get(`/api/v1/org-units/${county.community.id}`)).json();
      expect(community.abilities).toMatchObject({ update: true, move: true, delete: false });
      const ownRoot = (await as(t.app, jinbiAdmin).get(`/api/v1/org-units/${county.committee.id}`)).json();
      expect(ownRoot.abilities).toMatchObject({ update: true, move: false, delete: false, createChild: true });
    });
  });

  describe('POST /org-units', () => {
    const body = (parentId: string, extra: Record<string, unknown> = {}) => ({
      parentId,
      kind: 'branch',
      sector: 'community',
      name: '新建社区党支部',
      ...extra,
    });

    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).post('/api/v1/org-units', body(county.community.id))).statusCode).toBe(401);
    });

    it('refuses a committee admin creating under another town', async () => {
      const response = await as(t.app, longquanAdmin).post('/api/v1/org-units', body(county.community.id));
      expect(response.statusCode).toBe(403);
    });

    it('refuses a grid worker, who may only read the tree', async () => {
      const worker = await signInAs(t.platform, 'grid_worker', county.gridA);
      const branchId = county.compoundA.branch?.id ?? '';
      const response = await as(t.app, worker).post('/api/v1/org-units', body(branchId, { kind: 'party_group' }));
      expect(response.statusCode).toBe(403);
    });

    it('answers 400 for an unknown kind, missing fields and a kind that does not fit under the parent', async () => {
      const unknown = await as(t.app, countyAdmin).post(
        '/api/v1/org-units',
        body(county.community.id, { kind: 'club' }),
      );
      expect(unknown.statusCode).toBe(400);
      const missing = await as(t.app, countyAdmin).post('/api/v1/org-units', { parentId: county.community.id });
      expect(missing.statusCode).toBe(400);
      const branchId = county.compoundA.branch?.id ?? '';
      const misplaced = await as(t.app, countyAdmin).post(
        '/api/v1/org-units',
        body(branchId, { kind: 'county_committee', sector: 'other' }),
      );
      expect(misplaced.statusCode).toBe(400);
      expect(misplaced.json().error.details.issues[0]).toEqual({
        path: 'body.kind',
        message: 'kindNotAllowedUnderParent',
      });
    });

    it('creates a child under its parent path, with its depth, and audits it', async () => {
      const response = await as(t.app, jinbiAdmin).post('/api/v1/org-units', body(county.community.id));
      expect(response.statusCode).toBe(201);
      const created = response.json();
      expect(created).toMatchObject({ parentId: county.community.id, kind: 'branch', childCount: 0, version: 1 });
      const row = await orgRow(created.id);
      expect(row.path).toBe(`${county.community.path}${created.id}/`);
      expect(row.depth).toBe(4);
      const audit = await auditRowsOf(t.platform, 'org.create', created.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor_id).toBe(jinbiAdmin.userId);
    });

    it('replays a create with the same Idempotency-Key instead of duplicating it', async () => {
      const headers = { 'idempotency-key': 'org-create-key-1' };
      const first = await as(t.app, countyAdmin).post(
        '/api/v1/org-units',
        body(county.community.id, { name: '幂等支部' }),
        headers,
      );
      const again = await as(t.app, countyAdmin).post(
        '/api/v1/org-units',
        body(county.community.id, { name: '幂等支部' }),
        headers,
      );
      expect(again.statusCode).toBe(201);
      expect(again.json().id).toBe(first.json().id);
      const rows = await t.platform.db.selectFrom('org_unit').select('id').where('name', '=', '幂等支部').execute();
      expect(rows).toHaveLength(1);
    });

    it('makes a compound branch under the compound path and links it as the branch party', async () => {
      const compound = await createCompound(t.platform, county.otherCommunity, { name: '无支部小区' });
      const response = await as(t.app, longquanAdmin).post('/api/v1/org-units', {
        parentId: county.otherCommunity.id,
        kind: 'branch',
        sector: 'compound',
        name: '无支部小区党支部',
        compoundId: compound.id,
      });
      expect(response.statusCode).toBe(201);
      const row = await orgRow(response.json().id);
      expect(row.path).toBe(`${compound.path}${row.id}/`);
      expect(row.parent_id).toBe(county.otherCommunity.id);
      const party = await t.platform.db
        .selectFrom('compound_party')
        .selectAll()
        .where('compound_id', '=', compound.id)
        .executeTakeFirstOrThrow();
      expect(party).toMatchObject({ kind: 'branch', org_id: row.id });
    });

    it('puts a party group inside a compound branch, within the compound scope', async () => {
      const branch = county.compoundA.branch;
      const response = await as(t.app, jinbiAdmin).post('/api/v1/org-units', {
        parentId: branch?.id,
        kind: 'party_group',
        sector: 'compound',
        name: '第一党小组',
      });
      expect(response.statusCode).toBe(201);
      expect((await orgRow(response.json().id)).path).toBe(`${branch?.path}${response.json().id}/`);
      const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
      const children = await as(t.app, secretary).get(`/api/v1/org-units?parentId=${branch?.id}`);
      expect(children.json().items.map((o: { name: string }) => o.name)).toEqual(['第一党小组']);
    });

    it('answers 409 for a second branch of the same compound', async () => {
      const response = await as(t.app, countyAdmin).post('/api/v1/org-units', {
        parentId: county.community.id,
        kind: 'branch',
        sector: 'compound',
        name: '第二个支部',
        compoundId: county.compoundA.id,
      });
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('DUPLICATE');
    });
  });

  describe('PATCH /org-units/:id', () => {
    it('answers 401 without a session', async () => {
      const response = await as(t.app, null).patch(
        `/api/v1/org-units/${county.community.id}`,
        { name: 'x' },
        ifMatch(1),
      );
      expect(response.statusCode).toBe(401);
    });

    it('refuses a committee admin renaming another town node', async () => {
      const response = await as(t.app, longquanAdmin).patch(
        `/api/v1/org-units/${county.community.id}`,
        { name: '改名' },
        ifMatch(1),
      );
      expect(response.statusCode).toBe(403);
    });

    it('answers 400 for an empty name or an unknown field, and 428 without If-Match', async () => {
      const url = `/api/v1/org-units/${county.community.id}`;
      expect((await as(t.app, countyAdmin).patch(url, { name: ' ' }, ifMatch(1))).statusCode).toBe(400);
      expect((await as(t.app, countyAdmin).patch(url, { kind: 'branch' }, ifMatch(1))).statusCode).toBe(400);
      const noVersion = await as(t.app, countyAdmin).patch(url, { name: '改名' });
      expect(noVersion.statusCode).toBe(428);
    });

    it('renames at the version read, refuses a stale version and audits the edit', async () => {
      const node = await createOrgUnit(t.platform, { parent: county.committee, kind: 'general_branch', name: '旧名' });
      const url = `/api/v1/org-units/${node.id}`;
      const saved = await as(t.app, jinbiAdmin).patch(url, { name: '新名', sortOrder: 3 }, ifMatch(1));
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ name: '新名', sortOrder: 3, version: 2 });
      const stale = await as(t.app, countyAdmin).patch(url, { name: '覆盖' }, ifMatch(1));
      expect(stale.statusCode).toBe(412);
      expect((await orgRow(node.id)).name).toBe('新名');
      expect((await auditRowsOf(t.platform, 'org.update', node.id))[0]?.details).toEqual({
        fields: ['name', 'sortOrder'],
      });
    });
  });

  describe('DELETE /org-units/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).delete(`/api/v1/org-units/${county.community.id}`)).statusCode).toBe(401);
    });

    it('refuses a committee admin deleting another town node', async () => {
      const leaf = await createOrgUnit(t.platform, { parent: county.otherCommunity, kind: 'branch' });
      const response = await as(t.app, jinbiAdmin).delete(`/api/v1/org-units/${leaf.id}`);
      expect(response.statusCode).toBe(403);
    });

    it('answers 400 for a malformed id', async () => {
      expect((await as(t.app, countyAdmin).delete('/api/v1/org-units/1')).statusCode).toBe(400);
    });

    it('refuses to delete a node with compounds below it', async () => {
      const response = await as(t.app, countyAdmin).delete(`/api/v1/org-units/${county.community.id}`);
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('ORG_HAS_CHILDREN');
      expect(response.json().error.details).toMatchObject({ compound: 1, grid: 1 });
    });

    it('deletes an empty leaf and audits it', async () => {
      const leaf = await createOrgUnit(t.platform, { parent: county.community, kind: 'branch', name: '待删支部' });
      const response = await as(t.app, jinbiAdmin).delete(`/api/v1/org-units/${leaf.id}`);
      expect(response.statusCode).toBe(204);
      const gone = await t.platform.db.selectFrom('org_unit').select('id').where('id', '=', leaf.id).execute();
      expect(gone).toEqual([]);
      expect(await auditRowsOf(t.platform, 'org.delete', leaf.id)).toHaveLength(1);
    });
  });

  describe('an idle session', () => {
    it('answers 401 SESSION_EXPIRED once the staff idle timeout has passed', async () => {
      t.clock.advance(31 * 60_000);
      const response = await as(t.app, countyAdmin).get('/api/v1/org-units');
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('SESSION_EXPIRED');
    });
  });
});
