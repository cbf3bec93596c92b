import type { FigureValue } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { toNumber } from '../../../platform/sql-helpers.ts';
import { periodBounds } from '../../civic-cases/index.ts';
import type { FigureInput, ReportPeriod } from './figure-types.ts';

/*
 * Shared pieces of the figure queries. Stock figures are "as at the period's last day": a row counts when it
 * existed by the end of that Asia/Shanghai day, i.e. its timestamp is before the next day's Shanghai midnight.
 */

/** The first instant after the period (its last Shanghai day's end), as stored timestamps are written. */
export const periodEnd = (period: ReportPeriod): string => periodBounds(period).toInstant;

/** `[from, to)` instants of the period, for flow figures on timestamp columns. */
export const periodInstants = (period: ReportPeriod): { fromInstant: string; toInstant: string } => {
  const { fromInstant, toInstant } = periodBounds(period);
  return { fromInstant, toInstant };
};

export const roundTo = (value: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** numerator / denominator as a fraction with four decimals; null (no data) when the denominator is 0. */
export const shareOf = (numerator: number, denominator: number): FigureValue =>
  denominator > 0 ? roundTo(numerator / denominator, 4) : null;

/** 1 when the condition holds, for SUMs that count a subset of the grouped rows. */
export const whenOne = (condition: Expression<SqlBool>) => sql<number>`CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/** A single-number aggregate query's answer (PostgreSQL answers bigints as strings). */
export async function firstNumber(query: {
  executeTakeFirst(): Promise<{ n: string | number | bigint | null } | undefined>;
}): Promise<number> {
  const row = await query.executeTakeFirst();
  return toNumber(row?.n);
}

/** A figure that reads one field of a shared (`once`) load. */
export const fieldOf =
  <T>(name: string, load: (input: FigureInput) => Promise<T>, pick: (loaded: T) => FigureValue) =>
  async (input: FigureInput): Promise<FigureValue> =>
    pick(await input.once(name, () => load(input)));
