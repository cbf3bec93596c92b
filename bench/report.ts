import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProfileLine } from './cpu-profile.ts';
import type { Dialect } from './dataset.ts';
import type { Machine } from './machine.ts';
import type { ScenarioId } from './options.ts';
import { REPO_ROOT, RESULTS_DIR } from './paths.ts';
import type { ScenarioResult } from './scenario.ts';
import { judge, type Verdict } from './targets.ts';
import { textTable } from './text-table.ts';

export type JudgedResult = ScenarioResult & { verdict: Verdict };

export interface BenchReport {
  date: string;
  dialect: Dialect;
  machine: Machine;
  dataset: {
    dir: string;
    scale: string | null;
    seed: number | null;
    cases: number;
    events: number;
    builtNow: boolean;
    buildSeconds: number | null;
  };
  /** How Linli was started, so nobody mistakes the figures for a production deployment's. */
  linli: string;
  settings: { durationSeconds: number; warmupSeconds: number; only: ScenarioId[]; cpuProfile: boolean };
  scenarios: JudgedResult[];
  /** With `--cpu-prof`: Linli's top self-time functions while each scenario was measured. */
  profiles: Partial<Record<ScenarioId, ProfileLine[]>> | null;
}

/** Judges every result, the ratios against this run's S0. */
export function judgeAll(results: ScenarioResult[]): JudgedResult[] {
  const baseline = results.find((r) => r.id === 'S0') ?? null;
  return results.map((result) => ({ ...result, verdict: judge(result, baseline) }));
}

const fixed = (value: number | null, digits: number): string => (value === null ? '-' : value.toFixed(digits));
const whole = (value: number | null): string => (value === null ? '-' : Math.round(value).toLocaleString('en'));

const verdictText = (v: Verdict): string => (v.met === null ? '-' : v.met ? 'met' : 'MISSED');

const HEADER = ['scenario', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'time s', 'errors', 'ratio', 'target', 'verdict'];
const RIGHT = new Set([1, 2, 3, 4, 5, 6, 7, 10]);

export function scenarioTable(results: JudgedResult[]): string {
  const rows = results.map((r) => [
    `${r.id} ${r.title}`,
    String(r.connections),
    whole(r.requestsPerSecond),
    fixed(r.p50Ms, 1),
    fixed(r.p99Ms, 1),
    r.requestsPerSecond === null ? fixed(r.seconds, 2) : '-',
    String(r.errors),
    fixed(r.verdict.ratio, 2),
    r.verdict.target,
    verdictText(r.verdict),
    fixed(r.peakRssMb, 0),
  ]);
  return textTable([...HEADER, 'peak RSS MB'], rows, RIGHT);
}

/** The details a reader needs (what ran, what was picked), without the raw counters latest.json keeps. */
function describeDetails(details: Record<string, unknown>): string {
  const { statusCodes: _codes, responses: _responses, memory: _memory, ...shown } = details;
  return Object.entries(shown)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

/** One line per scenario saying exactly what ran, then one per missed target. */
function notes(results: JudgedResult[]): string[] {
  const lines = results.map((r) => `  ${r.id}  ${describeDetails(r.details)}`);
  for (const r of results.filter((result) => result.verdict.met === false)) {
    lines.push(`  ${r.id} MISSED: ${r.verdict.misses.join('; ')}`);
  }
  return lines;
}

export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const d = report.dataset;
  const lines = [
    '',
    `Linli bench — ${report.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} — ${report.date}`,
    `machine  ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.os}, node ${m.node}, disk ${m.disk}, load ${m.loadAverage}`,
    `dataset  ${d.scale ?? 'unknown scale'}, seed ${d.seed ?? '?'}: ${d.cases.toLocaleString('en')} 民情 cases, ` +
      `${d.events.toLocaleString('en')} events (${d.dir}${d.builtNow ? `, built now in ${d.buildSeconds} s` : ''})`,
    `linli    ${report.linli}`,
    `runs     ${report.settings.warmupSeconds} s warm-up + ${report.settings.durationSeconds} s per load scenario`,
    '',
    scenarioTable(report.scenarios),
    '',
    ...notes(report.scenarios),
  ];
  for (const [id, profile] of Object.entries(report.profiles ?? {})) {
    lines.push('', `${id}: Linli's top self-time functions while measured (node --cpu-prof)`);
    for (const p of profile) {
      lines.push(`  ${p.percent.toFixed(1).padStart(5)}%  ${p.selfMs.toFixed(0).padStart(7)} ms  ${p.name}`);
    }
  }
  return lines.join('\n');
}

const dialectName = (dialect: Dialect): string => (dialect === 'postgres' ? 'PostgreSQL' : 'SQLite');

/** This run beside the newest run on the other database: throughput, p99, time and memory side by side. */
export function formatComparison(report: BenchReport, other: BenchReport, otherFile: string): string {
  const [a, b] = report.dialect === 'sqlite' ? [report, other] : [other, report];
  const ids = [...new Set([...a.scenarios, ...b.scenarios].map((r) => r.id))].sort();
  const cell = (run: BenchReport, id: ScenarioId, pick: (r: JudgedResult) => string) => {
    const found = run.scenarios.find((r) => r.id === id);
    return found ? pick(found) : '';
  };
  const columns: Array<[string, (r: JudgedResult) => string]> = [
    ['req/s', (r) => whole(r.requestsPerSecond)],
    ['p99 ms', (r) => fixed(r.p99Ms, 1)],
    ['time s', (r) => (r.requestsPerSecond === null ? fixed(r.seconds, 2) : '-')],
    ['RSS MB', (r) => fixed(r.peakRssMb, 0)],
    ['verdict', (r) => verdictText(r.verdict)],
  ];
  const header = ['scenario', ...columns.flatMap(([name]) => [`${name} SQLite`, `${name} PG`])];
  const rows = ids.map((id) => [id, ...columns.flatMap(([, pick]) => [cell(a, id, pick), cell(b, id, pick)])]);
  const right = new Set(header.map((_, i) => i).filter((i) => i > 0));
  return [
    '',
    `${dialectName(report.dialect)} (this run) beside ${dialectName(other.dialect)} (${other.date}, ${otherFile}):`,
    '',
    textTable(header, rows, right),
  ].join('\n');
}

/** Writes `bench/results/latest.json` and `bench/results/<dialect>-<timestamp>.json`; returns the latter. */
export function saveReport(report: BenchReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const file = join(RESULTS_DIR, `${report.dialect}-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, text);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), text);
  return relative(REPO_ROOT, file);
}

/** The newest saved run on `dialect` over the same dataset (scale and seed), if any: only those compare. */
export function newestReport(
  dialect: Dialect,
  dataset: Pick<BenchReport['dataset'], 'scale' | 'seed'>,
): { report: BenchReport; file: string } | null {
  if (!existsSync(RESULTS_DIR)) return null;
  const files = readdirSync(RESULTS_DIR)
    .filter((name) => name.startsWith(`${dialect}-`) && name.endsWith('.json'))
    .sort()
    .reverse();
  for (const name of files) {
    const file = join(RESULTS_DIR, name);
    const report = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
    if (report.dataset.scale === dataset.scale && report.dataset.seed === dataset.seed) {
      return { report, file: relative(REPO_ROOT, file) };
    }
  }
  return null;
}
