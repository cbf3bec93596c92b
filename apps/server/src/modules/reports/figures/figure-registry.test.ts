import { AVAILABLE_FIGURE_KEYS, type FigureKey, REPORT_FIGURES } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReportsTest, type SCOPES, setupReportsTest } from '../reports.test-support.ts';
import { computeFigures, FIGURE_FUNCTIONS } from './figure-registry.ts';
import { figureInput } from './figure-types.ts';

describe('the figure registry', () => {
  let s: ReportsTest;
  beforeAll(async () => {
    s = await setupReportsTest();
  });
  afterAll(async () => {
    await s.close();
  });

  const input = (scope: (typeof SCOPES)[number]) =>
    figureInput({ db: s.platform.db, dialect: s.platform.dialect, scope: s.scopes[scope], period: s.period });

  it('has a function for every available figure and none for a planned module', () => {
    expect(Object.keys(FIGURE_FUNCTIONS).sort()).toEqual([...AVAILABLE_FIGURE_KEYS].sort());
    const planned = REPORT_FIGURES.filter((d) => !AVAILABLE_FIGURE_KEYS.includes(d.key)).map((d) => d.key);
    expect(planned.length).toBeGreaterThan(0);
    for (const key of planned) expect(FIGURE_FUNCTIONS[key]).toBeUndefined();
  });

  it('computes exactly the available figures by default, each as the dataset expects', async () => {
    const values = await computeFigures(input('county'));
    expect(Object.keys(values).sort()).toEqual([...AVAILABLE_FIGURE_KEYS].sort());
    expect(values).toEqual(s.EXPECTED.county);
  });

  it('computes only the keys asked for, and skips a planned figure rather than inventing it', async () => {
    const keys: FigureKey[] = ['cases_closed', 'vanguard_teams', 'scope_name'];
    expect(await computeFigures(input('committee'), keys)).toEqual({ cases_closed: 8, scope_name: '金碧镇党委' });
  });

  it('runs a load shared by several figures once per computation', async () => {
    const base = input('compoundA');
    const asked = new Map<string, number>();
    const loaded = new Map<string, number>();
    const bump = (m: Map<string, number>, name: string) => m.set(name, (m.get(name) ?? 0) + 1);
    await computeFigures({
      ...base,
      once<T>(name: string, load: () => Promise<T>): Promise<T> {
        bump(asked, name);
        return base.once(name, () => {
          bump(loaded, name);
          return load();
        });
      },
    });
    // Nine 民情 figures share the totals; the six families and two leaves share the closed-by-category count.
    expect(asked.get('civic.totals')).toBe(9);
    expect(asked.get('civic.closedByCategory')).toBe(8);
    expect([...loaded.values()].every((n) => n === 1)).toBe(true);
    expect([...loaded.keys()].sort()).toEqual([...asked.keys()].sort());
  });

  it('answers the same for the same input twice (no state kept between computations)', async () => {
    expect(await computeFigures(input('otherCommittee'))).toEqual(await computeFigures(input('otherCommittee')));
  });
});
