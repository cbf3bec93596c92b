import type { FigureKey } from '@linli/contracts';
import type { FigureFn } from './figure-types.ts';

/** The day of a `YYYY-MM-DD` date's month or day, without a leading zero ("截至6月30日"). */
const part = (date: string, from: number, to: number): string => String(Number(date.slice(from, to)));

/**
 * The report module's own figures: what the report is about. `scope_name` is the scope's name (the seed's
 * "*县"), `period_from`/`period_to` the period's days as `YYYY-MM-DD`, `as_of_month`/`as_of_day` the month and
 * day of `to` without a leading zero ("截至*月*日"). No query: they come from the input.
 */
export const LABEL_FIGURES: Partial<Record<FigureKey, FigureFn>> = {
  scope_name: async ({ scope }) => scope.name,
  period_from: async ({ period }) => period.from,
  period_to: async ({ period }) => period.to,
  as_of_month: async ({ period }) => part(period.to, 5, 7),
  as_of_day: async ({ period }) => part(period.to, 8, 10),
};
