import { describe, expect, it } from 'vitest';
import { type BenchReport, formatComparison, formatReport, judgeAll } from './report.ts';
import type { ScenarioResult } from './scenario.ts';
import { displayWidth, textTable } from './text-table.ts';

const load = (id: 'S0' | 'S1' | 'S4', rps: number, p99: number, rss: number): ScenarioResult => ({
  id,
  title: id === 'S1' ? 'resident submits a 民情 case' : id,
  connections: id === 'S4' ? 8 : 32,
  requestsPerSecond: rps,
  p50Ms: p99 / 4,
  p99Ms: p99,
  errors: 0,
  seconds: 10,
  peakRssMb: rss,
  windowUs: [1, 2],
  details: { request: `request of ${id}`, statusCodes: { '200': 10 } },
});

const report = (dialect: 'sqlite' | 'postgres', s1Rps: number): BenchReport => ({
  date: '2026-11-27T12:00:00.000Z',
  dialect,
  machine: {
    cpu: 'AMD EPYC',
    cores: 2,
    ramGb: 24,
    node: 'v20.20.2',
    os: 'Linux',
    disk: '/dev/vda (ext4)',
    loadAverage: 1,
  },
  dataset: { dir: '/d', scale: 'small', seed: 1, cases: 1000, events: 9000, builtNow: false, buildSeconds: 12 },
  linli: 'linli serve',
  settings: { durationSeconds: 10, warmupSeconds: 3, only: ['S0', 'S1', 'S4'], cpuProfile: false },
  scenarios: judgeAll([load('S0', 10_000, 8, 100), load('S1', s1Rps, 30, 300), load('S4', 40, 150, 320)]),
  profiles: {
    S4: [{ name: 'executeQuery (kysely/dist/esm/dialect/sqlite/sqlite-driver.js:60)', selfMs: 900, percent: 56.4 }],
  },
});

describe('the report', () => {
  it('measures CJK characters as two terminal columns, so the table stays aligned', () => {
    expect(displayWidth('S1 民情')).toBe(7);
    const table = textTable(
      ['scenario', 'n'],
      [
        ['民情', '1'],
        ['ab', '22'],
      ],
      new Set([1]),
    );
    const [header, , first, second] = table.split('\n');
    expect(displayWidth(first ?? '')).toBe(displayWidth(header ?? ''));
    expect(second).toBe('ab        22');
  });

  it('prints one row per scenario with its ratio to S0, target, verdict and peak memory', () => {
    const text = formatReport(report('sqlite', 2_600));
    const s1 = text.split('\n').find((line) => line.startsWith('S1 '));
    expect(s1).toMatch(/32 +2,600 +7\.5 +30\.0 +- +0 +0\.26 +≥0\.25×S0 p99≤50ms 0 err +met +300$/);
    expect(text).toContain('S4 MISSED: p99 150 ms > 100 ms');
    expect(text).toContain('dataset  small, seed 1: 1,000 民情 cases, 9,000 events');
  });

  it('says what each scenario requested, without the raw status counters', () => {
    const text = formatReport(report('sqlite', 2_600));
    expect(text).toContain('  S1  request request of S1');
    expect(text).not.toContain('statusCodes');
  });

  it('prints the profile of a scenario under its name', () => {
    const text = formatReport(report('sqlite', 2_600));
    expect(text).toMatch(/S4: Linli's top self-time functions[^\n]*\n +56\.4% +900 ms +executeQuery/);
  });

  it('puts the PostgreSQL figures beside the SQLite ones, SQLite first whichever ran last', () => {
    const text = formatComparison(report('postgres', 1_200), report('sqlite', 2_600), 'bench/results/sqlite-x.json');
    expect(text).toContain('PostgreSQL (this run) beside SQLite');
    const s1 = text.split('\n').find((line) => line.startsWith('S1'));
    expect(s1).toMatch(/^S1 +2,600 +1,200 +30\.0 +30\.0/);
  });
});
