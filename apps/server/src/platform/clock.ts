/** Time comes from here so tests can move it (session timeouts, lockouts, job schedules). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock the tests set and advance. */
export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-11-27T02:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const isoNow = (clock: Clock): string => clock.now().toISOString();
export const isoIn = (clock: Clock, ms: number): string => new Date(clock.now().getTime() + ms).toISOString();

/**
 * The Asia/Shanghai calendar date (`YYYY-MM-DD`) of an instant: what "today", "this year" and "this quarter" mean
 * to the county, whatever the server's time zone. China has one zone and no daylight saving.
 */
export const shanghaiDate = (instant: Date): string => SHANGHAI_DATE.format(instant);

/** Built once: constructing a DateTimeFormat costs far more than formatting with one. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The Asia/Shanghai date as `YYYYMMDD`, for file names. */
export const shanghaiDateStamp = (instant: Date): string => shanghaiDate(instant).replace(/-/g, '');
