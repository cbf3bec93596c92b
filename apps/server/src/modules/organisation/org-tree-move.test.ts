import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgUnit, signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, setupOrganisationTest } from './organisation.test-support.ts';

describe('POST /org-units/:id/move', () => {
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

  const move = (session: Session | null, id: string, newParentId: string) =>
    as(t.app, session).post(`/api/v1/org-units/${id}/move`, { newParentId });

  it('answers 401 without a session', async () => {
    expect((await move(null, county.community.id, county.otherCommittee.id)).statusCode).toBe(401);
  });

  it('needs org.write on both ends: a town admin cannot pull a node into another town', async () => {
    const intoOther = await move(jinbiAdmin, county.community.id, county.otherCommittee.id);
    expect(intoOther.statusCode).toBe(403);
    const fromOther = await move(longquanAdmin, county.community.id, county.otherCommittee.id);
    expect(fromOther.statusCode).toBe(403);
    const row = await t.platform.db
      .selectFrom('org_unit')
      .select('parent_id')
      .where('id', '=', county.community.id)
      .executeTakeFirstOrThrow();
    expect(row.parent_id).toBe(county.committee.id);
  });

  it('answers 400 for a missing or malformed new parent and for a kind that does not fit there', async () => {
    const missing = await as(t.app, countyAdmin).post(`/api/v1/org-units/${county.community.id}/move`, {});
    expect(missing.statusCode).toBe(400);
    expect((await move(countyAdmin, county.community.id, 'x')).statusCode).toBe(400);
    const branch = await createOrgUnit(t.platform, { parent: county.otherCommunity, kind: 'branch' });
    const group = await createOrgUnit(t.platform, { parent: branch, kind: 'party_group' });
    const underGroup = await move(countyAdmin, county.community.id, group.id);
    expect(underGroup.statusCode).toBe(400);
  });

  it('answers 409 ORG_CYCLE for a move under the node itself or its own descendant', async () => {
    const underItself = await move(countyAdmin, county.committee.id, county.committee.id);
    expect(errorCode(underItself)).toBe('ORG_CYCLE');
    const underChild = await move(countyAdmin, county.committee.id, county.community.id);
    expect(underChild.statusCode).toBe(409);
    expect(errorCode(underChild)).toBe('ORG_CYCLE');
  });

  it('refuses to move a compound branch away from its compound', async () => {
    const response = await move(countyAdmin, county.compoundA.branch?.id ?? '', county.otherCommunity.id);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('CONFLICT');
  });

  it('moves the subtree in one go: paths of nodes, compounds, grids and role assignments follow', async () => {
    const communityAdmin = await signInAs(t.platform, 'committee_admin', county.community);
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    const worker = await signInAs(t.platform, 'grid_worker', county.gridA);
    const before = (await as(t.app, communityAdmin).get('/api/v1/compounds')).json().items;
    expect(before.map((c: { name: string }) => c.name)).toEqual(['金碧花园']);

    const response = await move(countyAdmin, county.community.id, county.otherCommittee.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ parentId: county.otherCommittee.id, version: 2 });

    const newCommunityPath = `${county.otherCommittee.path}${county.community.id}/`;
    const db = t.platform.db;
    const community = await db
      .selectFrom('org_unit')
      .selectAll()
      .where('id', '=', county.community.id)
      .executeTakeFirstOrThrow();
    expect(community).toMatchObject({ path: newCommunityPath, depth: 3 });
    const compound = await db
      .selectFrom('compound')
      .select('path')
      .where('id', '=', county.compoundA.id)
      .executeTakeFirstOrThrow();
    expect(compound.path).toBe(`${newCommunityPath}${county.compoundA.id}/`);
    const branch = await db
      .selectFrom('org_unit')
      .selectAll()
      .where('id', '=', county.compoundA.branch?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(branch).toMatchObject({ path: `${compound.path}${branch.id}/`, depth: 5 });
    const grid = await db.selectFrom('grid').select('path').where('id', '=', county.gridA.id).executeTakeFirstOrThrow();
    expect(grid.path).toBe(`${compound.path}${county.gridA.id}/`);
    const scopes = await db
      .selectFrom('role_assignment')
      .select(['user_id', 'scope_path'])
      .where('user_id', 'in', [communityAdmin.userId, secretary.userId, worker.userId])
      .execute();
    expect(Object.fromEntries(scopes.map((s) => [s.user_id, s.scope_path]))).toEqual({
      [communityAdmin.userId]: newCommunityPath,
      [secretary.userId]: compound.path,
      [worker.userId]: grid.path,
    });
    const untouched = await db
      .selectFrom('role_assignment')
      .select('scope_path')
      .where('user_id', '=', jinbiAdmin.userId)
      .executeTakeFirstOrThrow();
    expect(untouched.scope_path).toBe(county.committee.path);

    const after = (await as(t.app, communityAdmin).get('/api/v1/compounds')).json().items;
    expect(after.map((c: { name: string }) => c.name)).toEqual(['金碧花园']);
    expect((await as(t.app, worker).get(`/api/v1/grids/${county.gridA.id}`)).statusCode).toBe(200);
    expect((await as(t.app, longquanAdmin).get(`/api/v1/compounds/${county.compoundA.id}`)).statusCode).toBe(200);
    expect((await as(t.app, jinbiAdmin).get(`/api/v1/compounds/${county.compoundA.id}`)).statusCode).toBe(403);

    const audit = await auditRowsOf(t.platform, 'org.move', county.community.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({
      fromParentId: county.committee.id,
      toParentId: county.otherCommittee.id,
      moved: { 'compound.path': 1, 'grid.path': 1, 'role_assignment.scope_path': 3 },
    });
  });
});
