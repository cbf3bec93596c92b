import { DAY_MS, HOUR_MS } from '../../platform/clock.ts';

/** China has one zone and no daylight saving: Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** The Asia/Shanghai date of an instant; the same as `shanghaiDate`, by arithmetic (it runs millions of times). */
export const shanghaiDay = (ms: number): string => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Shanghai date begins. */
export const shanghaiMidnight = (day: string): number => Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS;

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
/** Dates of recent days by day number, direct-mapped: events, deadlines and step starts jump between a few days. */
const DAY_SLOTS = 4096;
const slotDay = new Float64Array(DAY_SLOTS).fill(Number.NaN);
const slotDate: string[] = new Array(DAY_SLOTS).fill('');

/**
 * `new Date(ms).toISOString()` (for the years a county spans) without a Date per call: the date from a small
 * cache of days, the time of day from digit tables. A generated county formats some fifty million timestamps.
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const slot = day & (DAY_SLOTS - 1);
  if (slotDay[slot] !== day) {
    slotDay[slot] = day;
    slotDate[slot] = `${new Date(day * DAY_MS).toISOString().slice(0, 10)}T`;
  }
  const inDay = ms - day * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  return `${slotDate[slot]}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${
    TWO_DIGITS[seconds % 60]
  }.${THREE_DIGITS[inDay % 1000]}Z`;
}

/** How many years of 民情 a generated county holds. */
const YEARS = 5;

/**
 * The generated county's time: the five years of days ending yesterday in Asia/Shanghai. Every step of every case
 * that would fall at or after `cutoffMs` (today's midnight) has not happened yet, so the newest cases are still
 * open in every state; the supervision sweep's work is done as it would have been at the cutoff. Everything
 * generated depends on the seed and these days only, never on the time of day the command runs.
 */
export interface ScaleSpan {
  firstDay: string;
  lastDay: string;
  startMs: number;
  cutoffMs: number;
  days: number;
}

export function spanEndingBefore(now: Date): ScaleSpan {
  const today = shanghaiDay(now.getTime());
  const cutoffMs = shanghaiMidnight(today);
  const lastDay = shanghaiDay(cutoffMs - DAY_MS);
  const end = new Date(`${lastDay}T00:00:00.000Z`);
  const first = new Date(Date.UTC(end.getUTCFullYear() - YEARS, end.getUTCMonth(), end.getUTCDate() + 1));
  const firstDay = first.toISOString().slice(0, 10);
  const startMs = shanghaiMidnight(firstDay);
  return { firstDay, lastDay, startMs, cutoffMs, days: Math.round((cutoffMs - startMs) / DAY_MS) };
}
