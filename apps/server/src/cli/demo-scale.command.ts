import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { migrateDownToZero, migrateToLatest } from '../db/migrate.ts';
import { describeDatabase, openConfiguredDatabase } from '../db/open-configured.ts';
import {
  buildScaleCounty,
  DEFAULT_SCALE_SEED,
  restoreDroppedIndexes,
  SCALE_NAMES,
  type ScaleName,
} from '../demo/scale/index.ts';
import { formatDuration } from '../demo/scale/scale-progress.ts';

const USAGE = 'usage: linli demo --scale county|small [--seed N] [--reset]';

/** The tables whose totals the command prints at the end, in the order a reader meets them. */
const REPORTED_TABLES = [
  'org_unit',
  'compound',
  'compound_party',
  'grid',
  'app_user',
  'role_assignment',
  'household',
  'resident',
  'member',
  'member_report_in',
  'org_report_in',
  'post',
  'post_claim',
  'service_record',
  'household_link',
  'household_visit',
  'civic_case',
  'civic_case_event',
  'civic_case_request',
  'civic_supervision',
  'civic_case_follower',
  'civic_case_counter',
  'civic_case_tally',
  'audit_log',
] as const;

interface ScaleArgs {
  scale: ScaleName;
  seed: number;
  reset: boolean;
}

/** `--scale county|small [--seed N] [--reset]`, or the reason it is not. */
export function parseScaleArgs(args: readonly string[]): ScaleArgs | string {
  let scale: ScaleName | null = null;
  let seed = DEFAULT_SCALE_SEED;
  let reset = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--reset') reset = true;
    else if (arg === '--scale') {
      const value = args[++i];
      if (!SCALE_NAMES.includes(value as ScaleName)) return `--scale takes ${SCALE_NAMES.join(' or ')}`;
      scale = value as ScaleName;
    } else if (arg === '--seed') {
      const value = args[++i] ?? '';
      if (!/^\d{1,9}$/.test(value)) return '--seed takes a whole number';
      seed = Number(value);
    } else return `unknown option ${arg}`;
  }
  return scale ? { scale, seed, reset } : '--scale is required';
}

async function tableTotals(db: Db): Promise<Array<[string, number]>> {
  const totals: Array<[string, number]> = [];
  for (const table of REPORTED_TABLES) {
    const row = await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    totals.push([table, Number(row.n)]);
  }
  return totals;
}

/**
 * `linli demo --scale county|small [--seed N] [--reset]`: the demo county and the generated county around it, on
 * the configured database. Exit 0 when built, 1 when the database already holds data (without `--reset`), 2 on a
 * usage error. Progress goes to stderr; the summary (accounts file, totals per table, time per phase) to stdout.
 */
export async function runDemoScale(config: Config, args: string[]): Promise<number> {
  const parsed = parseScaleArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const database = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(database);
    if (parsed.reset) {
      // A run that died while loading left indexes dropped; the migrations' down steps drop them by name.
      await restoreDroppedIndexes(database.db, database.dialect);
      await migrateDownToZero(database);
      await migrateToLatest(database);
    }
    const app = await buildApp({ config, database, logger: false });
    process.stderr.write(
      `Generating the ${parsed.scale} dataset (seed ${parsed.seed}) in ${describeDatabase(config)}\n`,
    );
    const result = await buildScaleCounty(app.platform, {
      scale: parsed.scale,
      seed: parsed.seed,
      progress: { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) },
    });
    if (!result) {
      await app.close();
      process.stdout.write('The database already holds data; use `linli demo --scale … --reset` to rebuild it.\n');
      return 1;
    }
    const totals = await tableTotals(database.db);
    await app.close();
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `Generated county (${parsed.scale}, seed ${parsed.seed}): 民情 from ${result.span.firstDay} to ${result.span.lastDay}.`,
    );
    out(`Demo accounts in ${result.demo.accountsFile}.`);
    out('Rows per table:');
    for (const [table, n] of totals) out(`  ${table.padEnd(22)} ${n.toLocaleString('en-US').padStart(12)}`);
    out('Time per phase:');
    for (const t of result.timings) out(`  ${t.phase.padEnd(22)} ${formatDuration(t.ms).padStart(12)}`);
    out(`Total: ${formatDuration(performance.now() - started)}`);
    return 0;
  } finally {
    await database.close();
  }
}
