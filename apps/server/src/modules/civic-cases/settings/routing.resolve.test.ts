import type { RoutingTarget } from '@linli/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/harness.ts';
import { isoNow } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { CATEGORY, type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import { routeCase } from './routing.resolve.ts';

describe('routing precedence (routeCase)', () => {
  let t: TestApp;
  let county: CivicCounty;

  beforeAll(async () => {
    ({ t, county } = await setupCivicTest());
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.platform.db.deleteFrom('civic_routing_rule').execute();
  });

  async function rule(
    scope: { kind: 'org' | 'compound'; id: string; path: string },
    categoryId: string | null,
    target: RoutingTarget,
    extra: { targetOrgId?: string; active?: boolean } = {},
  ): Promise<string> {
    const id = newId();
    const now = isoNow(t.platform.clock);
    await t.platform.db
      .insertInto('civic_routing_rule')
      .values({
        id,
        scope_kind: scope.kind,
        scope_id: scope.id,
        scope_path: scope.path,
        category_id: categoryId,
        target,
        target_org_id: extra.targetOrgId ?? null,
        active: extra.active === false ? 0 : 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  const compoundScope = () => ({ kind: 'compound' as const, ...county.compoundA });
  const route = (categoryId: string = CATEGORY.sewer, gridId: string | null = county.gridA.id) =>
    routeCase(t.platform.db, { compoundId: county.compoundA.id, categoryId, gridId });

  it('falls back to the compound’s community when no rule applies (属地兜底)', async () => {
    await rule({ kind: 'org', ...county.otherCommittee }, null, 'grid_worker');
    const result = await route();
    expect(result).toEqual({
      unit: { kind: 'org', id: county.community.id, name: '金碧社区党总支', path: county.community.path },
      ruleId: null,
      fallback: true,
    });
  });

  it('prefers the deeper scope over a more specific category at a shallower scope', async () => {
    await rule({ kind: 'org', ...county.county }, CATEGORY.sewer, 'org', { targetOrgId: county.committee.id });
    const deep = await rule(compoundScope(), null, 'property_company');
    const result = await route();
    expect(result.ruleId).toBe(deep);
    expect(result.unit).toEqual({
      kind: 'property_company',
      id: county.propertyCompanyA,
      name: '金碧物业服务有限公司',
      path: county.compoundA.path,
    });
    expect(result.fallback).toBe(false);
  });

  it('at one scope, prefers the exact category over its parent over any category', async () => {
    const scope = { kind: 'org' as const, ...county.committee };
    await rule(scope, null, 'branch');
    const parent = await rule(scope, CATEGORY.livelihood, 'grid_worker');
    expect((await route()).ruleId).toBe(parent);
    expect((await route()).unit).toMatchObject({ kind: 'grid', id: county.gridA.id, path: county.gridA.path });
    const exact = await rule(scope, CATEGORY.sewer, 'org', { targetOrgId: county.county.id });
    expect(await route()).toMatchObject({ ruleId: exact, unit: { kind: 'org', id: county.county.id } });
  });

  it('ignores rules of other categories and of other scopes', async () => {
    await rule(compoundScope(), CATEGORY.parking, 'property_company');
    await rule(compoundScope(), CATEGORY.urban, 'property_company');
    await rule({ kind: 'org', ...county.otherCommunity }, null, 'grid_worker');
    expect((await route(CATEGORY.sewer)).fallback).toBe(true);
    expect((await route(CATEGORY.parking)).unit.kind).toBe('property_company');
  });

  it('never applies an inactive rule', async () => {
    await rule(compoundScope(), CATEGORY.sewer, 'property_company', { active: false });
    const any = await rule({ kind: 'org', ...county.community }, null, 'branch');
    const result = await route();
    expect(result.ruleId).toBe(any);
    expect(result.unit).toMatchObject({ kind: 'branch', id: county.branchPartyA, path: county.compoundA.path });
  });

  it('skips a grid-worker rule for a case without a grid and takes the next one', async () => {
    await rule(compoundScope(), CATEGORY.sewer, 'grid_worker');
    const next = await rule(compoundScope(), null, 'property_company');
    expect((await route(CATEGORY.sewer, null)).ruleId).toBe(next);
    expect((await route(CATEGORY.sewer, county.gridA.id)).unit.kind).toBe('grid');
  });

  it('skips a property-company rule for a compound without one, falling back when nothing else applies', async () => {
    await rule({ kind: 'org', ...county.county }, null, 'property_company');
    const result = await routeCase(t.platform.db, {
      compoundId: county.compoundB.id,
      categoryId: CATEGORY.sewer,
      gridId: null,
    });
    expect(result).toMatchObject({ ruleId: null, fallback: true, unit: { kind: 'org', id: county.otherCommunity.id } });
  });

  it('answers 400 for an unknown compound', async () => {
    await expect(
      routeCase(t.platform.db, { compoundId: newId(), categoryId: CATEGORY.sewer, gridId: null }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
