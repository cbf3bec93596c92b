import { CompiledQuery, sql } from 'kysely';
import { rebuildCivicTally } from '../../modules/civic-cases/index.ts';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/context.ts';
import { systemCtx } from '../../platform/context.ts';
import { type DemoResult, seedDemoIfEmpty } from '../index.ts';
import { generateCases } from './case-stream.ts';
import type { CaseTotals } from './case-write.ts';
import type { ScaleContext } from './scale-context.ts';
import { generateHouseholds } from './scale-households.ts';
import { createIndexes, dropSecondaryIndexes } from './scale-indexes.ts';
import { generateOrganisation } from './scale-org.ts';
import { generateOrgReportIns } from './scale-org-report-ins.ts';
import { loadPlaces, type ScalePlaces } from './scale-places.ts';
import { additionsFor, SCALE_PLANS, type ScaleCounts, type ScaleName, totalsFor } from './scale-plan.ts';
import { type ProgressSink, ScaleProgress } from './scale-progress.ts';
import { generateRoster } from './scale-roster.ts';
import { generateService } from './scale-service.ts';
import { generateStaff } from './scale-staff.ts';
import { spanEndingBefore } from './scale-time.ts';

export { restoreDroppedIndexes } from './scale-indexes.ts';
export { DEFAULT_SCALE_SEED, SCALE_NAMES, type ScaleName } from './scale-plan.ts';
export type { ProgressSink } from './scale-progress.ts';

/** The big tables whose secondary indexes are built after the load instead of row by row during it. */
const BULK_TABLES = ['civic_case', 'civic_case_event'] as const;
/** A larger page cache for the load (a memory setting, not a durability one); the previous size comes back after. */
const LOAD_CACHE_KIB = 131_072;

export interface ScaleResult {
  demo: DemoResult;
  /** What the plan asked for, as totals. */
  targets: ScaleCounts;
  span: { firstDay: string; lastDay: string };
  cases: CaseTotals;
  timings: ScaleProgress['timings'];
}

/** Counts of the plan's units as the database holds them. */
export async function countUnits(platform: Platform, places?: ScalePlaces): Promise<ScaleCounts> {
  const known = places ?? (await loadPlaces(platform.db));
  const count = async (table: 'compound' | 'grid' | 'member' | 'household' | 'civic_case') =>
    Number((await platform.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const reportedIn = await platform.db
    .selectFrom('member')
    .select(sql<number>`count(*)`.as('n'))
    .where('employment', '=', 'in_service')
    .where('report_in_status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return {
    towns: known.towns.length,
    communities: known.communities.length,
    compounds: await count('compound'),
    grids: await count('grid'),
    members: await count('member'),
    reportedIn: Number(reportedIn.n),
    households: await count('household'),
    civicCases: await count('civic_case'),
  };
}

/**
 * `linli demo --scale`: on an empty database, the demo county (every demo account, setting and category) and then
 * the generated county around it — organisation, staff, households and residents, the roster with 双报到, posts
 * and services, and five years of 民情 — as bulk inserts into the modules' own tables, deterministic from the seed
 * and the span's last day. The 民情 counters (`civic_case_tally`) are rebuilt from the loaded cases, and the run is
 * audited once (`demo.scale`): bulk rows are not individual audited actions. Null when the database already held
 * data.
 */
export async function buildScaleCounty(
  platform: Platform,
  options: { scale: ScaleName; seed: number; progress: ProgressSink | null },
): Promise<ScaleResult | null> {
  const demo = await seedDemoIfEmpty(platform);
  if (!demo.created) return null;
  const progress = new ScaleProgress(options.progress);
  const span = spanEndingBefore(platform.clock.now());
  const ctx: ScaleContext = {
    db: platform.db,
    dialect: platform.dialect,
    cipher: platform.cipher,
    blindIndex: platform.blindIndex,
    span,
    seed: options.seed,
    progress,
  };
  const plan = SCALE_PLANS[options.scale];
  const places = await loadPlaces(platform.db);
  const existing = await countUnits(platform, places);
  const added = additionsFor(plan, existing);
  const restoreCache = await enlargeCache(platform);
  try {
    const cases = await generateCounty(ctx, places, added);
    await settle(platform, progress);
    await platform.db.transaction().execute((trx) =>
      appendAudit(trx, systemCtx(platform), {
        action: 'demo.scale',
        objectType: 'org_unit',
        objectId: places.root.id,
        details: { scale: plan.name, seed: options.seed, firstDay: span.firstDay, lastDay: span.lastDay, added },
      }),
    );
    const timings = progress.timings;
    return {
      demo,
      targets: totalsFor(plan, existing),
      span: { firstDay: span.firstDay, lastDay: span.lastDay },
      cases,
      timings,
    };
  } finally {
    await restoreCache();
  }
}

/** The phases, each in its own transactions; the cases with the big tables' secondary indexes built after them. */
async function generateCounty(ctx: ScaleContext, places: ScalePlaces, added: ScaleCounts): Promise<CaseTotals> {
  await generateOrganisation(ctx, places, added);
  const staff = await generateStaff(ctx, places);
  const { residents, households } = await generateHouseholds(ctx, places, staff, added.households);
  const members = await generateRoster(ctx, {
    places,
    staff,
    households,
    members: added.members,
    reportedIn: added.reportedIn,
  });
  await generateService(ctx, { members, compounds: places.compounds, households, staff });
  await generateOrgReportIns(ctx, places, staff);
  const indexes = await dropSecondaryIndexes(ctx.db, ctx.dialect, BULK_TABLES);
  try {
    return await generateCases(ctx, {
      places,
      staff,
      residents,
      households: new Map([...households].map(([id, list]) => [id, list.length])),
      total: added.civicCases,
    });
  } finally {
    const building = ctx.progress.phase('indexes', indexes.length);
    await createIndexes(ctx.db, ctx.dialect, indexes, () => building.advance(1));
    building.end();
  }
}

/** The tally rebuilt from the loaded cases, and the planner's statistics gathered. */
async function settle(platform: Platform, progress: ScaleProgress): Promise<void> {
  const tally = progress.phase('civic_case_tally', 1);
  await rebuildCivicTally(platform.db, platform.dialect);
  tally.advance(1);
  tally.end();
  const analyze = progress.phase('statistics', 1);
  // Statistics from a sample of each index, as `PRAGMA optimize` gathers them (SQLite).
  if (platform.dialect === 'sqlite') await sql`PRAGMA analysis_limit = 1000`.execute(platform.db);
  await sql`ANALYZE`.execute(platform.db);
  analyze.advance(1);
  analyze.end();
}

/** SQLite: a 128 MiB page cache while loading; returns how to put the previous size back. PostgreSQL: nothing. */
async function enlargeCache(platform: Platform): Promise<() => Promise<void>> {
  if (platform.dialect !== 'sqlite') return async () => {};
  const before = await platform.db.executeQuery<{ cache_size: number }>(CompiledQuery.raw('PRAGMA cache_size'));
  const size = before.rows[0]?.cache_size ?? -2000;
  await platform.db.executeQuery(CompiledQuery.raw(`PRAGMA cache_size = -${LOAD_CACHE_KIB}`));
  return async () => {
    await platform.db.executeQuery(CompiledQuery.raw(`PRAGMA cache_size = ${Number(size)}`));
  };
}
