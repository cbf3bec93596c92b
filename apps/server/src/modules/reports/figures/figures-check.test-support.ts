import type { FigureKey, FigureValues } from '@linli/contracts';
import { expect } from 'vitest';
import type { ReportsTest, ScopeName } from '../reports.test-support.ts';
import type { FigureFn } from './figure-types.ts';
import { figureInput } from './figure-types.ts';

/** Runs `fns` for one scope over the dataset's period and compares every value with `EXPECTED`. */
export async function expectFigures(
  s: ReportsTest,
  scope: ScopeName,
  fns: Partial<Record<FigureKey, FigureFn>>,
): Promise<void> {
  const input = figureInput({
    db: s.platform.db,
    dialect: s.platform.dialect,
    scope: s.scopes[scope],
    period: s.period,
  });
  const actual: FigureValues = {};
  const expected: FigureValues = {};
  for (const [key, fn] of Object.entries(fns) as [FigureKey, FigureFn][]) {
    actual[key] = await fn(input);
    expected[key] = s.EXPECTED[scope][key];
  }
  expect(Object.keys(actual).length).toBeGreaterThan(0);
  expect(actual).toEqual(expected);
}
