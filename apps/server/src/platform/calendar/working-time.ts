import type { SlaBasis } from '@linli/contracts';
import { DAY_MS, MINUTE_MS } from '../clock.ts';

/** Which Asia/Shanghai dates are working days. */
export interface WorkCalendar {
  isWorkday(day: string): boolean;
}

/** China has one zone and no daylight saving: local time is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;
/** A guard against a calendar with no working day ahead (a county that marked years off by mistake). */
const MAX_DAYS_SCANNED = 3 * 366;

const localDayStart = (localMs: number): number => Math.floor(localMs / DAY_MS) * DAY_MS;
const dayName = (localMs: number): string => new Date(localDayStart(localMs)).toISOString().slice(0, 10);

/** Monday to Friday: the rule where neither the package nor the county says otherwise. */
export const isWeekday = (day: string): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * The instant `minutes` after `start`. On the `calendar` basis every minute counts; on the `workday` basis only
 * minutes that fall on a working day count, so "1 working day" from Friday 10:00 ends Monday 10:00, and a case
 * filed on a holiday starts its clock at the next working day's midnight.
 */
export function addWorkingMinutes(start: Date, minutes: number, basis: SlaBasis, calendar: WorkCalendar): Date {
  if (basis === 'calendar') return new Date(start.getTime() + minutes * MINUTE_MS);
  let cursor = start.getTime() + SHANGHAI_OFFSET_MS;
  let remaining = minutes * MINUTE_MS;
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    const dayEnd = localDayStart(cursor) + DAY_MS;
    if (calendar.isWorkday(dayName(cursor))) {
      const available = dayEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining - SHANGHAI_OFFSET_MS);
      remaining -= available;
    }
    cursor = dayEnd;
  }
  throw new Error('no working day within three years');
}

/** Minutes between two instants that count on the basis (what is left of a limit when a case is parked). */
export function workingMinutesBetween(from: Date, to: Date, basis: SlaBasis, calendar: WorkCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  if (basis === 'calendar') return Math.round((to.getTime() - from.getTime()) / MINUTE_MS);
  let cursor = from.getTime() + SHANGHAI_OFFSET_MS;
  const end = to.getTime() + SHANGHAI_OFFSET_MS;
  let counted = 0;
  while (cursor < end) {
    const dayEnd = Math.min(localDayStart(cursor) + DAY_MS, end);
    if (calendar.isWorkday(dayName(cursor))) counted += dayEnd - cursor;
    cursor = dayEnd;
  }
  return Math.round(counted / MINUTE_MS);
}
