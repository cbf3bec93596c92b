import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.ts';

describe('job retry backoff', () => {
  it('doubles from the base after each failure and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000, 60_000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(10, 1000, 60_000)).toBe(60_000);
    expect(backoffMs(500, 1000, 60_000)).toBe(60_000);
  });
});
