import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../test/harness.ts';
import { ifMatch, type OrganisationTest, setupOrganisationTest } from '../organisation/organisation.test-support.ts';
import { insertHousehold, insertMember } from './members.test-support.ts';

let s: OrganisationTest<'countyAdmin'>;

beforeAll(async () => {
  s = await setupOrganisationTest('countyAdmin');
});

afterAll(async () => {
  await s?.t.close();
});

describe('members’ rows follow the org tree', () => {
  it('moves a member’s home and residence paths and the households with the community they hang under', async () => {
    const { t, county } = s;
    const member = await insertMember(t.platform, { residence: county.compoundA, branch: county.compoundA.branch });
    const householdId = await insertHousehold(t.platform, county.compoundA, {}, county.gridA);

    const moved = await as(t.app, s.countyAdmin).post(`/api/v1/org-units/${county.community.id}/move`, {
      newParentId: county.otherCommittee.id,
    });
    expect(moved.statusCode).toBe(200);

    const newCommunityPath = `${county.otherCommittee.path}${county.community.id}/`;
    const row = await t.platform.db
      .selectFrom('member')
      .select(['home_path', 'residence_path'])
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row.residence_path).toBe(`${newCommunityPath}${county.compoundA.id}/`);
    expect(row.home_path.startsWith(`${newCommunityPath}${county.compoundA.id}/`)).toBe(true);
    const household = await t.platform.db
      .selectFrom('household')
      .select('path')
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow();
    expect(household.path).toBe(`${newCommunityPath}${county.compoundA.id}/${county.gridA.id}/`);
  });

  it('refuses to move a grid that holds households into another compound (409 grid_not_empty)', async () => {
    const { t, county } = s;
    const grid = (await as(t.app, s.countyAdmin).get(`/api/v1/grids/${county.gridA.id}`)).json();
    const res = await as(t.app, s.countyAdmin).patch(
      `/api/v1/grids/${county.gridA.id}`,
      { compoundId: null },
      ifMatch(grid.version),
    );
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.json().error.details).toMatchObject({ reason: 'grid_not_empty' });
  });
});
