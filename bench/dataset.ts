import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from '../apps/server/src/db/migrations/index.ts';
import type { BenchOptions, Scale } from './options.ts';
import { DATA_ROOT, LINLI_BIN, REPO_ROOT } from './paths.ts';
import { adminQuery, databaseUrlOn } from './pg-cluster.ts';

export type Dialect = 'sqlite' | 'postgres';

/** What a built dataset directory holds besides LINLI_DATA_DIR's own files: how and when it was built. */
export interface DatasetMarker {
  dialect: Dialect;
  scale: Scale;
  seed: number;
  /** The newest migration the code had when the generator ran; a newer one makes the dataset stale. */
  migration: string;
  /** PostgreSQL only: the database on the server the dataset was built in. */
  database: string | null;
  builtAt: string;
  buildSeconds: number;
}

export interface Dataset {
  dialect: Dialect;
  dataDir: string;
  /** DATABASE_URL for Linli; null on SQLite. */
  databaseUrl: string | null;
  /** Known when the bench built the directory (or finds its marker); null for a `--data` directory without one. */
  marker: DatasetMarker | null;
  builtNow: boolean;
}

const MARKER_FILE = 'bench-dataset.json';

export const latestMigration = (): string => Object.keys(MIGRATIONS).sort().at(-1) ?? '';

export const datasetDirName = (dialect: Dialect, scale: Scale, seed: number): string =>
  `${dialect === 'postgres' ? 'pg' : 'sqlite'}-${scale}-${seed}`;

/** One database per scale and seed on a shared server, so several datasets can sit side by side. */
export const databaseName = (scale: Scale, seed: number): string => `linli_bench_${scale}_${seed}`;

export function readMarker(dataDir: string): DatasetMarker | null {
  const file = join(dataDir, MARKER_FILE);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DatasetMarker;
}

/** Whether a marker describes the dataset asked for, built by the migrations the code has now. */
export const markerMatches = (
  marker: DatasetMarker | null,
  wanted: { dialect: Dialect; scale: Scale; seed: number; migration: string },
): boolean =>
  marker !== null &&
  marker.dialect === wanted.dialect &&
  marker.scale === wanted.scale &&
  marker.seed === wanted.seed &&
  marker.migration === wanted.migration;

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const found = await adminQuery(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return (found.rowCount ?? 0) > 0;
}

/** `linli demo …` in a child process with the dataset's environment; its progress goes to the terminal. */
export function runGenerator(scale: Scale, seed: number, env: NodeJS.ProcessEnv): Promise<void> {
  const args = scale === 'demo' ? ['demo', '--reset'] : ['demo', '--scale', scale, '--seed', String(seed), '--reset'];
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [LINLI_BIN, ...args], { cwd: REPO_ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveRun() : reject(new Error(`linli ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** The environment Linli and its CLI run with for a dataset (the parent's database settings never leak in). */
export function linliEnv(dataset: Pick<Dataset, 'dataDir' | 'databaseUrl'>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, LINLI_MASTER_KEY: _key, NODE_OPTIONS: _node, ...inherited } = process.env;
  return {
    ...inherited,
    LINLI_DATA_DIR: dataset.dataDir,
    LINLI_LOG_LEVEL: 'warn',
    ...(dataset.databaseUrl ? { DATABASE_URL: dataset.databaseUrl } : {}),
  };
}

async function buildDataset(dataset: Dataset, scale: Scale, seed: number, pgServer: string | null): Promise<void> {
  rmSync(dataset.dataDir, { recursive: true, force: true });
  mkdirSync(dataset.dataDir, { recursive: true, mode: 0o700 });
  const database = pgServer ? databaseName(scale, seed) : null;
  if (pgServer && database) {
    await adminQuery(pgServer, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await adminQuery(pgServer, `CREATE DATABASE ${database}`);
  }
  process.stdout.write(`Building the ${scale} dataset (seed ${seed}, ${dataset.dialect}) in ${dataset.dataDir}…\n`);
  const started = performance.now();
  await runGenerator(scale, seed, linliEnv(dataset));
  const marker: DatasetMarker = {
    dialect: dataset.dialect,
    scale,
    seed,
    migration: latestMigration(),
    database,
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(join(dataset.dataDir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
  dataset.marker = marker;
  dataset.builtNow = true;
}

/**
 * The dataset to run on: `--data DIR` as it is; otherwise `bench/.data/<sqlite|pg>-<scale>-<seed>/`, reused
 * when its marker matches (scale, seed, newest migration) and its database is there, built with the CLI when not.
 * `pgServer` is the PostgreSQL server for `--pg` (a throwaway cluster or `--pg-url`).
 */
export async function prepareDataset(options: BenchOptions, pgServer: string | null): Promise<Dataset> {
  const dialect: Dialect = options.pg ? 'postgres' : 'sqlite';
  if (options.dataDir) {
    const dataDir = resolve(options.dataDir);
    if (!existsSync(dataDir)) throw new Error(`--data ${dataDir} does not exist`);
    if (dialect === 'sqlite' && !existsSync(join(dataDir, 'linli.db'))) throw new Error(`${dataDir} holds no linli.db`);
    return { dialect, dataDir, databaseUrl: options.pgUrl, marker: readMarker(dataDir), builtNow: false };
  }
  const dataDir = join(DATA_ROOT, datasetDirName(dialect, options.scale, options.seed));
  const marker = readMarker(dataDir);
  const database = databaseName(options.scale, options.seed);
  const databaseUrl = pgServer ? databaseUrlOn(pgServer, database) : null;
  const dataset: Dataset = { dialect, dataDir, databaseUrl, marker, builtNow: false };
  const wanted = { dialect, scale: options.scale, seed: options.seed, migration: latestMigration() };
  const present = pgServer ? await databaseExists(pgServer, database) : existsSync(join(dataDir, 'linli.db'));
  if (!markerMatches(marker, wanted) || !present) await buildDataset(dataset, options.scale, options.seed, pgServer);
  return dataset;
}

export interface DatasetCounts {
  cases: number;
  events: number;
}

const COUNTS_SQL = {
  cases: 'SELECT count(*) AS n FROM civic_case',
  events: 'SELECT count(*) AS n FROM civic_case_event',
};

/** How many 民情 cases and events the dataset holds, read straight from the database before Linli starts. */
export async function countDataset(dataset: Dataset): Promise<DatasetCounts> {
  if (!dataset.databaseUrl) {
    const db = new SQLite(join(dataset.dataDir, 'linli.db'), { readonly: true, fileMustExist: true });
    try {
      const count = (text: string) => Number((db.prepare(text).get() as { n: number }).n);
      return { cases: count(COUNTS_SQL.cases), events: count(COUNTS_SQL.events) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: dataset.databaseUrl });
  await client.connect();
  try {
    const count = async (text: string) => Number((await client.query<{ n: string }>(text)).rows[0]?.n ?? 0);
    return { cases: await count(COUNTS_SQL.cases), events: await count(COUNTS_SQL.events) };
  } finally {
    await client.end();
  }
}
