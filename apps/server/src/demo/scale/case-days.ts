import { DAY_MS } from '../../platform/clock.ts';
import { apportion } from './scale-random.ts';
import type { ScaleSpan } from './scale-time.ts';

/**
 * How many cases each day of the span receives, adding up to `total`: the county took the system up over the
 * years (a day at the end gets about two and a half times a day at the start), weekends are quieter, and the
 * rainy summer brings more (sewers, leaks, power).
 */
export function casesPerDay(span: ScaleSpan, total: number): number[] {
  const weights: number[] = [];
  for (let d = 0; d < span.days; d += 1) {
    const dayMs = span.startMs + d * DAY_MS + 12 * 3_600_000;
    const date = new Date(dayMs);
    const weekday = date.getUTCDay();
    const growth = 0.55 + 0.85 * (d / Math.max(1, span.days - 1));
    const weekend = weekday === 0 || weekday === 6 ? 0.7 : 1;
    const dayOfYear = Math.floor((dayMs - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS);
    const season = 1 + 0.15 * Math.sin((2 * Math.PI * (dayOfYear - 110)) / 365);
    weights.push(growth * weekend * season);
  }
  return apportion(total, weights);
}
