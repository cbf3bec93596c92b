import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, createCompound, createGrid, createOrgUnit, signInAs } from '../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../test/harness.ts';
import { type County, setupOrganisationTest } from './organisation.test-support.ts';

describe('GET /coverage', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let jinbiAdmin: Session;

  beforeAll(async () => {
    ({ t, county, countyAdmin, jinbiAdmin } = await setupOrganisationTest('countyAdmin', 'jinbiAdmin'));
    await createCompound(t.platform, county.community, { rolloutStage: 'pilot', withBranch: true });
    await createCompound(t.platform, county.community, { rolloutStage: 'pilot' });
  });
  afterAll(() => t.close());

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get('/api/v1/coverage')).statusCode).toBe(401);
  });

  it('refuses a committee admin asking for another town', async () => {
    const response = await as(t.app, jinbiAdmin).get(`/api/v1/coverage?orgId=${county.otherCommittee.id}`);
    expect(response.statusCode).toBe(403);
  });

  it('answers 400 for an orgId that is not an id, or an unknown parameter', async () => {
    expect((await as(t.app, countyAdmin).get('/api/v1/coverage?orgId=1')).statusCode).toBe(400);
    expect((await as(t.app, countyAdmin).get('/api/v1/coverage?town=1')).statusCode).toBe(400);
  });

  it('counts the whole county by stage for the county admin by default', async () => {
    const response = await as(t.app, countyAdmin).get('/api/v1/coverage');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      orgId: county.county.id,
      orgName: '测试县委',
      scopeName: '测试县委',
      totalCompounds: 4,
      compoundsWithBranch: 2,
      coverageRate: 0.5,
      byStage: [
        { stage: 'pilot', total: 2, withBranch: 1 },
        { stage: 'validation', total: 0, withBranch: 0 },
        { stage: 'rollout', total: 2, withBranch: 1 },
      ],
    });
  });

  it('starts a town admin at their town', async () => {
    const town = (await as(t.app, jinbiAdmin).get('/api/v1/coverage')).json();
    expect(town).toMatchObject({
      orgId: county.committee.id,
      orgName: '金碧镇党委',
      scopeName: '金碧镇党委',
      totalCompounds: 3,
      compoundsWithBranch: 2,
    });
    expect(town.coverageRate).toBeCloseTo(0.6667, 4);
  });

  it("counts a branch secretary's compound alone, named by its community, branch or not", async () => {
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    const own = await as(t.app, secretary).get('/api/v1/coverage');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      orgId: county.community.id,
      orgName: '金碧社区党总支',
      scopeName: '金碧花园',
      totalCompounds: 1,
      compoundsWithBranch: 1,
      coverageRate: 1,
    });
    const noBranch = await signInAs(t.platform, 'branch_committee', county.compoundB);
    expect((await as(t.app, noBranch).get('/api/v1/coverage')).json()).toMatchObject({
      orgId: county.otherCommunity.id,
      scopeName: '龙泉苑',
      totalCompounds: 1,
      compoundsWithBranch: 0,
      coverageRate: 0,
    });
  });

  it('keeps the explicit orgId rule for a branch secretary: their branch counts their compound, the community is 403', async () => {
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    const branch = await as(t.app, secretary).get(`/api/v1/coverage?orgId=${county.compoundA.branch?.id}`);
    expect(branch.json()).toMatchObject({
      orgId: county.compoundA.branch?.id,
      scopeName: '金碧花园',
      totalCompounds: 1,
    });
    expect((await as(t.app, secretary).get(`/api/v1/coverage?orgId=${county.community.id}`)).statusCode).toBe(403);
  });

  it('counts the compound a grid worker’s grid lies in', async () => {
    const worker = await signInAs(t.platform, 'grid_worker', county.gridA);
    const response = await as(t.app, worker).get('/api/v1/coverage');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      orgId: county.community.id,
      orgName: '金碧社区党总支',
      scopeName: '金碧花园',
      totalCompounds: 1,
      compoundsWithBranch: 1,
      coverageRate: 1,
      byStage: [
        { stage: 'pilot', total: 0, withBranch: 0 },
        { stage: 'validation', total: 0, withBranch: 0 },
        { stage: 'rollout', total: 1, withBranch: 1 },
      ],
    });
    expect((await as(t.app, worker).get(`/api/v1/coverage?orgId=${county.community.id}`)).statusCode).toBe(403);
  });

  it('counts nothing, with no rate, for a grid drawn on the community outside any compound', async () => {
    const grid = await createGrid(t.platform, county.community);
    const worker = await signInAs(t.platform, 'grid_worker', grid);
    const response = await as(t.app, worker).get('/api/v1/coverage');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      orgId: county.community.id,
      orgName: '金碧社区党总支',
      scopeName: `网格${grid.code.slice(-3)}`,
      totalCompounds: 0,
      compoundsWithBranch: 0,
      coverageRate: null,
    });
  });

  it('starts a caller holding several assignments at the widest one', async () => {
    const both = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    await assignRole(t.platform, both.userId, 'committee_admin', county.committee);
    const response = (await as(t.app, both).get('/api/v1/coverage')).json();
    expect(response).toMatchObject({ orgId: county.committee.id, scopeName: '金碧镇党委', totalCompounds: 3 });
  });

  it('gives no rate at all, not 0 %, where there are no compounds', async () => {
    const empty = await createOrgUnit(t.platform, {
      parent: county.county,
      kind: 'party_committee',
      name: '新设镇党委',
    });
    const response = (await as(t.app, countyAdmin).get(`/api/v1/coverage?orgId=${empty.id}`)).json();
    expect(response).toMatchObject({ totalCompounds: 0, compoundsWithBranch: 0, coverageRate: null });
  });
});
