import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, createOrgUnit } from '../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../test/harness.ts';
import { type County, setupOrganisationTest } from './organisation.test-support.ts';

describe('GET /compounds paging', () => {
  let t: TestApp;
  let countyAdmin: Session;
  let town: { id: string; path: string };

  beforeAll(async () => {
    let county: County;
    ({ t, county, countyAdmin } = await setupOrganisationTest('countyAdmin'));
    town = await createOrgUnit(t.platform, { parent: county.county, kind: 'party_committee', name: '分页镇党委' });
    for (let i = 0; i < 23; i += 1) {
      const compound = await createCompound(t.platform, town, { name: `分页小区${String(i % 7).padStart(2, '0')}` });
      await t.platform.db
        .updateTable('compound')
        .set({
          household_count: 100 + (i % 5),
          created_at: `2026-01-${String(1 + (i % 9)).padStart(2, '0')}T00:00:00.000Z`,
        })
        .where('id', '=', compound.id)
        .execute();
    }
  });
  afterAll(() => t.close());

  it('walks every sort in both orders through all pages without duplicates or gaps', async () => {
    for (const sort of ['name', 'createdAt', 'householdCount']) {
      for (const order of ['asc', 'desc']) {
        const seen: Array<{ id: string; name: string; createdAt: string; householdCount: number }> = [];
        let cursor: string | null = null;
        do {
          const after: string = cursor ? `&cursor=${cursor}` : '';
          const response = await as(t.app, countyAdmin).get(
            `/api/v1/compounds?orgId=${town.id}&sort=${sort}&order=${order}&limit=4${after}`,
          );
          expect(response.statusCode).toBe(200);
          seen.push(...response.json().items);
          cursor = response.json().nextCursor;
        } while (cursor);
        expect(new Set(seen.map((c) => c.id)).size).toBe(23);
        expect(seen).toHaveLength(23);
        const keys = seen.map((c) =>
          sort === 'name' ? c.name : sort === 'createdAt' ? c.createdAt : c.householdCount,
        );
        const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
      }
    }
  });

  it('refuses a cursor taken under another sort', async () => {
    const first = (await as(t.app, countyAdmin).get(`/api/v1/compounds?orgId=${town.id}&limit=2`)).json();
    const response = await as(t.app, countyAdmin).get(
      `/api/v1/compounds?orgId=${town.id}&sort=householdCount&cursor=${first.nextCursor}`,
    );
    expect(response.statusCode).toBe(400);
  });
});
