import { describe, expect, it } from 'vitest';
import { lastYear, thisYear, wholePeriod } from './periods.ts';

describe('report periods', () => {
  it('counts days in Asia/Shanghai: 20:00 UTC on 31 December is already the new year', () => {
    const now = new Date('2026-12-31T20:00:00Z');
    expect(thisYear(now)).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(lastYear(now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it("opens the dashboard on this year so far, as the console's default preset does", () => {
    expect(thisYear(new Date('2026-11-27T06:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-11-27' });
  });

  it('spans from the first case to the last', () => {
    expect(wholePeriod(new Date('2022-01-03T02:00:00Z'), new Date('2026-11-27T02:00:00Z'))).toEqual({
      from: '2022-01-03',
      to: '2026-11-27',
    });
  });

  it('cuts a longer span to the five years of days Linli accepts, keeping the latest cases', () => {
    const period = wholePeriod(new Date('2019-06-01T02:00:00Z'), new Date('2026-11-27T02:00:00Z'));
    const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
    expect(period.to).toBe('2026-11-27');
    expect(days).toBe(5 * 366 - 1);
  });
});
