import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, createCompound, createOrgUnit, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, type Session, type TestApp } from '../../../test/harness.ts';

describe('GET /coverage', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let countyAdmin: Session;
  let jinbiAdmin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
    countyAdmin = await signInAs(t.platform, 'county_admin', county.county);
    jinbiAdmin = await signInAs(t.platform, 'committee_admin', county.committee);
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

  it('starts from the caller scope: a town admin their town, a branch secretary their compound', async () => {
    const town = (await as(t.app, jinbiAdmin).get('/api/v1/coverage')).json();
    expect(town).toMatchObject({ orgId: county.committee.id, totalCompounds: 3, compoundsWithBranch: 2 });
    expect(town.coverageRate).toBeCloseTo(0.6667, 4);
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    const own = (await as(t.app, secretary).get('/api/v1/coverage')).json();
    expect(own).toMatchObject({ orgId: county.compoundA.branch?.id, totalCompounds: 1, coverageRate: 1 });
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
