import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReportsTest, SCOPES, setupReportsTest } from '../reports.test-support.ts';
import { figureInput } from './figure-types.ts';
import { expectFigures } from './figures-check.test-support.ts';
import { MEMBERS_FIGURES } from './members.figures.ts';

describe('members figures', () => {
  let s: ReportsTest;
  beforeAll(async () => {
    s = await setupReportsTest();
  });
  afterAll(async () => {
    await s.close();
  });

  for (const scope of SCOPES) {
    it(`match the hand count for the ${scope} scope`, async () => {
      await expectFigures(s, scope, MEMBERS_FIGURES);
    });
  }

  it('answers null, not 0, for the report-in share of a compound without in-service members', async () => {
    const input = figureInput({
      db: s.platform.db,
      dialect: s.platform.dialect,
      scope: s.scopes.emptyCompound,
      period: s.period,
    });
    expect(await MEMBERS_FIGURES.report_in_share?.(input)).toBeNull();
    expect(await MEMBERS_FIGURES.members_in_service?.(input)).toBe(0);
  });

  it('counts what was decided after the period once a later period covers it', async () => {
    const input = figureInput({
      db: s.platform.db,
      dialect: s.platform.dialect,
      scope: s.scopes.compoundA,
      period: { from: '2026-07-01', to: '2026-09-30' },
    });
    // m2's report-in (confirmed 09-01) joins m1 and m5; m6 (joined 09-01) is now in service too: 3 of 4.
    expect(await MEMBERS_FIGURES.members_reported_in?.(input)).toBe(3);
    expect(await MEMBERS_FIGURES.members_in_service?.(input)).toBe(4);
    expect(await MEMBERS_FIGURES.report_in_share?.(input)).toBe(0.75);
    // m4's post (created and approved in August) and the 2 栋 link count now; services: 07-01's 120 minutes.
    expect(await MEMBERS_FIGURES.posts_total?.(input)).toBe(5);
    expect(await MEMBERS_FIGURES.posts_claimed_members?.(input)).toBe(3);
    expect(await MEMBERS_FIGURES.households_linked?.(input)).toBe(3);
    expect(await MEMBERS_FIGURES.service_records?.(input)).toBe(1);
    expect(await MEMBERS_FIGURES.service_hours?.(input)).toBe(2);
  });
});
