import { describe, expect, it } from 'vitest';
import type { ScenarioId } from './options.ts';
import type { ScenarioResult } from './scenario.ts';
import { judge } from './targets.ts';

const result = (id: ScenarioId, overrides: Partial<ScenarioResult> = {}): ScenarioResult => ({
  id,
  title: id,
  connections: 32,
  requestsPerSecond: 1000,
  p50Ms: 5,
  p99Ms: 20,
  errors: 0,
  seconds: 10,
  peakRssMb: 150,
  windowUs: null,
  details: {},
  ...overrides,
});

const baseline = result('S0', { requestsPerSecond: 10_000 });

describe('targets', () => {
  it('gives the baseline no verdict', () => {
    expect(judge(baseline, baseline)).toEqual({ ratio: 1, target: 'baseline', met: null, misses: [] });
  });

  it('meets S1 at a quarter of S0 with p99 within 50 ms and no errors', () => {
    const verdict = judge(result('S1', { requestsPerSecond: 2_500, p99Ms: 50 }), baseline);
    expect(verdict).toMatchObject({ ratio: 0.25, met: true, misses: [] });
    expect(verdict.target).toBe('≥0.25×S0 p99≤50ms 0 err');
  });

  it('misses S2 below 0.4 × S0, naming each part of the bar that was missed', () => {
    const verdict = judge(result('S2', { requestsPerSecond: 3_000, p99Ms: 80, errors: 2 }), baseline);
    expect(verdict.met).toBe(false);
    expect(verdict.misses).toEqual(['ratio 0.30 < 0.4', 'p99 80 ms > 50 ms', '2 errors']);
  });

  it('cannot meet a ratio target without S0 in the same run', () => {
    expect(judge(result('S3'), null).misses).toEqual(['no S0 to compare with']);
  });

  it('judges S4 by p99 alone, at 100 ms', () => {
    expect(judge(result('S4', { requestsPerSecond: 10, p99Ms: 99 }), baseline).met).toBe(true);
    expect(judge(result('S4', { requestsPerSecond: 10, p99Ms: 101 }), baseline).met).toBe(false);
  });

  it('judges S5 by its slowest run and S6 by its time and peak memory', () => {
    const timed = { requestsPerSecond: null, p50Ms: null, p99Ms: null };
    expect(judge(result('S5', { ...timed, seconds: 1.9 }), baseline).met).toBe(true);
    expect(judge(result('S5', { ...timed, seconds: 2.1 }), baseline).misses).toEqual(['2.10 s > 2 s']);
    expect(judge(result('S6', { ...timed, seconds: 45, peakRssMb: 390 }), baseline).met).toBe(true);
    expect(judge(result('S6', { ...timed, seconds: 45, peakRssMb: 420 }), baseline).misses).toEqual([
      'peak RSS 420 MB > 400 MB',
    ]);
  });

  it('says so when not a single request was answered', () => {
    const silent = result('S4', { requestsPerSecond: 0, p50Ms: null, p99Ms: null, errors: 8 });
    expect(judge(silent, baseline).misses).toEqual(['no answer at all', '8 errors']);
  });

  it('misses a scenario that could not run at all', () => {
    const failed = result('S6', { requestsPerSecond: null, seconds: null, peakRssMb: null, errors: 1 });
    expect(judge(failed, baseline).met).toBe(false);
  });
});
