import type { SlaBasis } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { loadWorkCalendar } from '../../platform/calendar/work-calendar.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../platform/clock.ts';
import { shanghaiDay } from './scale-time.ts';

const OFFSET_MS = 8 * HOUR_MS;

/**
 * `addWorkingMinutes` and `workingMinutesBetween` of `platform/calendar/working-time.ts` over a calendar read once
 * for the whole span: the same arithmetic, with the working days in an array indexed by day number instead of a
 * date string per day scanned — a generated county computes some ten million deadlines. The scale test checks
 * that both give the same instants.
 */
export interface WorkClock {
  addMinutes(startMs: number, minutes: number, basis: SlaBasis): number;
  minutesBetween(fromMs: number, toMs: number, basis: SlaBasis): number;
}

export async function loadWorkClock(db: Db, fromMs: number, toMs: number): Promise<WorkClock> {
  const firstIndex = Math.floor((fromMs + OFFSET_MS) / DAY_MS);
  const lastIndex = Math.floor((toMs + OFFSET_MS) / DAY_MS);
  const calendar = await loadWorkCalendar(db, shanghaiDay(fromMs), shanghaiDay(toMs));
  const workdays = new Uint8Array(lastIndex - firstIndex + 1);
  for (let i = firstIndex; i <= lastIndex; i += 1) {
    workdays[i - firstIndex] = calendar.isWorkday(new Date(i * DAY_MS).toISOString().slice(0, 10)) ? 1 : 0;
  }
  const isWorkday = (localMs: number): boolean => {
    const at = workdays[Math.floor(localMs / DAY_MS) - firstIndex];
    if (at === undefined) throw new Error('a deadline beyond the generated calendar');
    return at === 1;
  };
  return {
    addMinutes(startMs, minutes, basis) {
      if (basis === 'calendar') return startMs + minutes * MINUTE_MS;
      let cursor = startMs + OFFSET_MS;
      let remaining = minutes * MINUTE_MS;
      for (;;) {
        const dayEnd = Math.floor(cursor / DAY_MS) * DAY_MS + DAY_MS;
        if (isWorkday(cursor)) {
          const available = dayEnd - cursor;
          if (remaining <= available) return cursor + remaining - OFFSET_MS;
          remaining -= available;
        }
        cursor = dayEnd;
      }
    },
    minutesBetween(fromMs, toMs, basis) {
      if (toMs <= fromMs) return 0;
      if (basis === 'calendar') return Math.round((toMs - fromMs) / MINUTE_MS);
      let cursor = fromMs + OFFSET_MS;
      const end = toMs + OFFSET_MS;
      let counted = 0;
      while (cursor < end) {
        const dayEnd = Math.min(Math.floor(cursor / DAY_MS) * DAY_MS + DAY_MS, end);
        if (isWorkday(cursor)) counted += dayEnd - cursor;
        cursor = dayEnd;
      }
      return Math.round(counted / MINUTE_MS);
    },
  };
}
