import { sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { freshCivicTally, refillCivicTally, TALLY_COUNT_COLUMNS } from '../../../db/migrations/0014-civic-tally.ts';

/**
 * Empties `civic_case_tally` and computes it again from the cases and their events (the SQL of migration 0014's
 * backfill), in one transaction — the caller's, when it is one. For bulk loads that write case rows directly
 * (the county-scale generator, the measurement scripts), which bypass the writers that keep the tally.
 */
export async function rebuildCivicTally(db: Db, dialect: Dialect): Promise<void> {
  const refill = (within: Db) => refillCivicTally(within, dialect);
  if (db.isTransaction) return refill(db);
  await db.transaction().execute(refill);
}

/** A tally row that differs from a fresh computation (or exists on one side only). */
export interface TallyMismatch {
  grain: string;
  bucket: string;
  compoundId: string;
  categoryId: string;
}

/**
 * The invariant "counters = counts": the tally rows that differ from a fresh computation from the cases and their
 * events — in any count, the community or the path, or missing on either side — by key; [] when consistent. A
 * kept row whose counts are all 0 (what a reopen leaves of a day's only closure, say) equals a missing one.
 */
export async function civicTallyMismatches(db: Db, dialect: Dialect): Promise<TallyMismatch[]> {
  const columns = sql.join(
    ['grain', 'bucket', 'compound_id', 'category_id', 'community_id', 'path', ...TALLY_COUNT_COLUMNS].map((c) =>
      sql.ref(c),
    ),
  );
  const allZero = sql.join(
    TALLY_COUNT_COLUMNS.map((c) => sql`${sql.ref(c)} = 0`),
    sql` AND `,
  );
  const result = await sql<{ grain: string; bucket: string; compound_id: string; category_id: string }>`
    WITH fresh AS (SELECT ${columns} FROM (${freshCivicTally(dialect)}) f),
      kept AS (SELECT ${columns} FROM civic_case_tally WHERE NOT (${allZero}))
    SELECT DISTINCT d.grain, d.bucket, d.compound_id, d.category_id FROM (
      SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) a
      UNION ALL
      SELECT * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) b
    ) d
    ORDER BY d.grain, d.bucket, d.compound_id, d.category_id`.execute(db);
  return result.rows.map((r) => ({
    grain: r.grain,
    bucket: r.bucket,
    compoundId: r.compound_id,
    categoryId: r.category_id,
  }));
}
