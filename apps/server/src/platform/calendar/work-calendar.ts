import { createRequire } from 'node:module';
import type { Db } from '../../db/database.ts';
import { toBool } from '../sql-helpers.ts';
import type { Trx } from '../transaction.ts';
import { isWeekday, type WorkCalendar } from './working-time.ts';

interface PackageCalendar {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * Statutory holidays and 调休 make-up working days as published by the State Council, from the chinese-days
 * package (updated each year when the schedule is announced). Read once; the county's own rows override it.
 */
const packageCalendar: PackageCalendar = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');

/** The package's exception for a day: false on a holiday, true on a make-up working day. */
export function packageException(day: string): { workday: boolean; name: string } | undefined {
  const holiday = packageCalendar.holidays[day];
  if (holiday) return { workday: false, name: holidayName(holiday) };
  const workday = packageCalendar.workdays[day];
  if (workday) return { workday: true, name: `${holidayName(workday)}调休` };
  return undefined;
}

/** `Spring Festival,春节,4` → `春节`. */
const holidayName = (entry: string): string => entry.split(',')[1] ?? entry;

/** Years the package has a schedule for; later years fall back to weekends until the county enters them. */
export const packageYears = (): Set<number> =>
  new Set(Object.keys(packageCalendar.holidays).map((day) => Number(day.slice(0, 4))));

/** The county's overrides in a date range (inclusive). */
export const countyDays = (db: Db | Trx, from: string, to: string) =>
  db
    .selectFrom('work_calendar_day')
    .selectAll()
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();

/**
 * The working-day calendar from `from` on: the county's rows win over the package, the package over the
 * Monday–Friday rule. Loads the county rows once for the window a deadline can reach.
 */
export async function loadWorkCalendar(db: Db | Trx, from: string, to: string): Promise<WorkCalendar> {
  const overrides = new Map((await countyDays(db, from, to)).map((row) => [row.day, toBool(row.workday)]));
  return {
    isWorkday(day) {
      const county = overrides.get(day);
      if (county !== undefined) return county;
      return packageException(day)?.workday ?? isWeekday(day);
    },
  };
}
