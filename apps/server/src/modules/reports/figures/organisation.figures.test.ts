import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReportsTest, SCOPES, setupReportsTest } from '../reports.test-support.ts';
import { figureInput } from './figure-types.ts';
import { expectFigures } from './figures-check.test-support.ts';
import { LABEL_FIGURES } from './label.figures.ts';
import { ORGANISATION_FIGURES } from './organisation.figures.ts';

describe('organisation and label figures', () => {
  let s: ReportsTest;
  beforeAll(async () => {
    s = await setupReportsTest();
  });
  afterAll(async () => {
    await s.close();
  });

  for (const scope of SCOPES) {
    it(`match the hand count for the ${scope} scope`, async () => {
      await expectFigures(s, scope, { ...LABEL_FIGURES, ...ORGANISATION_FIGURES });
    });
  }

  it('writes the as-of month and day without a leading zero', async () => {
    const input = figureInput({
      db: s.platform.db,
      dialect: s.platform.dialect,
      scope: s.scopes.county,
      period: { from: '2026-01-01', to: '2026-03-05' },
    });
    expect(await LABEL_FIGURES.as_of_month?.(input)).toBe('3');
    expect(await LABEL_FIGURES.as_of_day?.(input)).toBe('5');
  });

  it('counts a compound created after the period once a later period covers it', async () => {
    const input = figureInput({
      db: s.platform.db,
      dialect: s.platform.dialect,
      scope: s.scopes.committee,
      period: { from: '2026-01-01', to: '2026-08-31' },
    });
    // 金碧东苑 (pilot, with a branch) joins: 3 + 1 compounds, 2 + 1 branches, and A2's new term (7) replaces 3.
    expect(await ORGANISATION_FIGURES.compounds_total?.(input)).toBe(4);
    expect(await ORGANISATION_FIGURES.compounds_with_branch?.(input)).toBe(3);
    expect(await ORGANISATION_FIGURES.compounds_pilot?.(input)).toBe(2);
    expect(await ORGANISATION_FIGURES.branch_committee_members?.(input)).toBe(5 + 7 + 3);
  });
});
