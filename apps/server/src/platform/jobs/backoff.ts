import { HOUR_MS, MINUTE_MS } from '../clock.ts';

export const DEFAULT_BACKOFF_BASE_MS = 30_000;
export const DEFAULT_BACKOFF_MAX_MS = HOUR_MS;
export const DEFAULT_LEASE_MS = 10 * MINUTE_MS;

/**
 * Delay before the next try after `failedAttempts` failures: base, 2×base, 4×base … capped. Deterministic (no
 * jitter): jobs fail for reasons of their own, not in a thundering herd, and tests can predict the schedule.
 */
export function backoffMs(failedAttempts: number, baseMs = DEFAULT_BACKOFF_BASE_MS, maxMs = DEFAULT_BACKOFF_MAX_MS) {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}
