import { AppError } from '../../../platform/errors/app-error.ts';

/*
 * Statistics periods are Asia/Shanghai calendar days (UTC+8, no daylight saving): a case closed at 23:30 on
 * 30 November Beijing time counts for November, though it is stored as 15:30 UTC.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest period a query may span: five years of days (leap days included). */
export const MAX_SPAN_DAYS = 5 * 366;

const dayMs = (date: string): number => new Date(`${date}T00:00:00.000Z`).getTime();

/** The UTC instant at which the Asia/Shanghai day `YYYY-MM-DD` begins, as stored timestamps are written. */
export const shanghaiMidnight = (date: string): string => new Date(dayMs(date) - OFFSET_MS).toISOString();

/** The day after `date`. */
export const nextDay = (date: string): string => new Date(dayMs(date) + DAY_MS).toISOString().slice(0, 10);

export interface PeriodBounds {
  /** `[fromInstant, toInstant)` as UTC ISO instants, for timestamp columns. */
  fromInstant: string;
  toInstant: string;
  startMs: number;
  endMs: number;
}

/** The instants a period of Shanghai days covers, end exclusive. */
export function periodBounds(period: { from: string; to: string }): PeriodBounds {
  const fromInstant = shanghaiMidnight(period.from);
  const toInstant = shanghaiMidnight(nextDay(period.to));
  return { fromInstant, toInstant, startMs: new Date(fromInstant).getTime(), endMs: new Date(toInstant).getTime() };
}

const invalid = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

/** 400 unless `from ≤ to` and the period spans at most five years. */
export function assertPeriod(period: { from: string; to: string }): void {
  if (period.from > period.to) throw invalid('to', 'before_from');
  if ((dayMs(period.to) - dayMs(period.from)) / DAY_MS >= MAX_SPAN_DAYS) throw invalid('to', 'span_too_long');
}

/** Every month `YYYY-MM` the period touches, in order. */
export function monthsOf(period: { from: string; to: string }): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The first and last day of a month `YYYY-MM`. */
export function monthPeriod(month: string): { from: string; to: string } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: new Date(dayMs(next) - DAY_MS).toISOString().slice(0, 10) };
}
