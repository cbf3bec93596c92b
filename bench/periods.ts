/** Report periods are Asia/Shanghai calendar days, as the console picks them. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

export const shanghaiDate = (instant: Date): string => SHANGHAI_DATE.format(instant);

/** The console's default period (dashboardUrl.ts `thisYear`): 1 January to today. */
export function thisYear(now: Date): { from: string; to: string } {
  const today = shanghaiDate(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The last full calendar year. */
export function lastYear(now: Date): { from: string; to: string } {
  const year = Number(shanghaiDate(now).slice(0, 4)) - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The longest period a report may span (metrics-period.ts MAX_SPAN_DAYS: five years of days). */
const MAX_SPAN_DAYS = 5 * 366;
const DAY_MS = 86_400_000;

/**
 * From the first case's day to the last one's, cut to the longest span Linli accepts (counted as the server does:
 * the days between `from` and `to` stay under five years of days) by moving `from` forward.
 */
export function wholePeriod(firstCaseAt: Date, lastCaseAt: Date): { from: string; to: string } {
  const to = shanghaiDate(lastCaseAt);
  const earliestMs = new Date(`${to}T00:00:00Z`).getTime() - (MAX_SPAN_DAYS - 1) * DAY_MS;
  const firstMs = new Date(`${shanghaiDate(firstCaseAt)}T00:00:00Z`).getTime();
  return { from: new Date(Math.max(firstMs, earliestMs)).toISOString().slice(0, 10), to };
}
