import { type Clock, shanghaiDate } from '../../../platform/clock.ts';

/*
 * Years and quarters are Asia/Shanghai calendar periods (UTC+8, no daylight saving): a report-in confirmed at
 * 23:30 on 31 December Beijing time counts for that year, though it is stored as 15:30 UTC.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's Asia/Shanghai date, `YYYY-MM-DD`. */
export const shanghaiToday = (clock: Clock): string => shanghaiDate(clock.now());

/** The UTC instant at which the Asia/Shanghai day `YYYY-MM-DD` begins, as stored timestamps are written. */
export const shanghaiMidnight = (date: string): string =>
  new Date(new Date(`${date}T00:00:00.000Z`).getTime() - OFFSET_MS).toISOString();

export interface Period {
  /** First and last calendar day, for `*_on` date columns. */
  fromDate: string;
  toDate: string;
  /** `[from, to)` as UTC instants, for timestamp columns. */
  fromInstant: string;
  toInstant: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function period(year: number, firstMonth: number, months: number): Period {
  const fromDate = `${year}-${pad(firstMonth)}-01`;
  const endMonth = firstMonth + months;
  const next = endMonth > 12 ? `${year + 1}-01-01` : `${year}-${pad(endMonth)}-01`;
  const lastDay = new Date(new Date(`${next}T00:00:00.000Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
  return { fromDate, toDate: lastDay, fromInstant: shanghaiMidnight(fromDate), toInstant: shanghaiMidnight(next) };
}

export const yearPeriod = (year: number): Period => period(year, 1, 12);
export const quarterPeriod = (year: number, quarter: number): Period => period(year, (quarter - 1) * 3 + 1, 3);

/** The last quarter that has fully ended by `today` (`YYYY-MM-DD`). */
export function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}
