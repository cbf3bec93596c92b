import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, createOrgUnit, signInAs } from '../../../test/factories.ts';
import { as, errorCode, type TestApp } from '../../../test/harness.ts';
import { type County, setupOrganisationTest } from './organisation.test-support.ts';

describe('organisation database rules', () => {
  let t: TestApp;
  let county: County;

  beforeAll(async () => {
    ({ t, county } = await setupOrganisationTest());
  });
  afterAll(() => t.close());

  const branchNodesOf = (compoundId: string) =>
    t.platform.db
      .selectFrom('org_unit')
      .select('id')
      .where('compound_id', '=', compoundId)
      .where('kind', '=', 'branch')
      .execute();

  it('refuses a second branch node for a compound inserted straight into the database', async () => {
    const { compoundA } = county;
    await expect(
      createOrgUnit(t.platform, {
        parent: county.community,
        kind: 'branch',
        sector: 'compound',
        compoundId: compoundA.id,
        compoundPath: compoundA.path,
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^(SQLITE_CONSTRAINT_UNIQUE|23505)$/) });
    expect(await branchNodesOf(compoundA.id)).toEqual([{ id: compoundA.branch?.id }]);
  });

  it('still allows one branch in each compound, and nodes of other kinds pointing at a compound', async () => {
    const compound = await createCompound(t.platform, county.community, { withBranch: true });
    expect(await branchNodesOf(compound.id)).toHaveLength(1);
    const group = await createOrgUnit(t.platform, {
      parent: compound.branch,
      kind: 'party_group',
      sector: 'compound',
      compoundId: compound.id,
      compoundPath: compound.branch?.path ?? '',
    });
    const row = await t.platform.db
      .selectFrom('org_unit')
      .select('compound_id')
      .where('id', '=', group.id)
      .executeTakeFirstOrThrow();
    expect(row.compound_id).toBe(compound.id);
  });

  it('lets exactly one of two concurrent requests create a compound branch, the other answering 409', async () => {
    const countyAdmin = await signInAs(t.platform, 'county_admin', county.county);
    const compound = await createCompound(t.platform, county.otherCommunity);
    const create = (name: string) =>
      as(t.app, countyAdmin).post('/api/v1/org-units', {
        parentId: county.otherCommunity.id,
        kind: 'branch',
        sector: 'compound',
        name,
        compoundId: compound.id,
      });
    const answers = await Promise.all([create('甲支部'), create('乙支部')]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.map(errorCode).filter(Boolean)).toEqual(['DUPLICATE']);
    expect(await branchNodesOf(compound.id)).toHaveLength(1);
  });
});
