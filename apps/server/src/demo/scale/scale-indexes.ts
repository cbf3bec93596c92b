import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';

/** A secondary index as its CREATE statement, to drop before a bulk load and build again after it. */
export interface SecondaryIndex {
  name: string;
  definition: string;
}

/**
 * Where the dropped indexes are remembered until they are built again: a run that dies in between leaves the
 * record, and the next `--reset` builds them before the migrations roll back (their down steps drop them by name).
 */
const PENDING_KEY = 'demo.scale.dropped_indexes';

/**
 * The secondary indexes of `tables`, as the database states them: every CREATE INDEX the migrations ran (unique
 * ones included — rebuilding them re-checks uniqueness over the loaded rows), never a primary key or a UNIQUE
 * constraint, which belong to the table.
 */
async function secondaryIndexes(db: Db, dialect: Dialect, tables: readonly string[]): Promise<SecondaryIndex[]> {
  if (dialect === 'sqlite') {
    const result = await sql<{ name: string; sql: string }>`
      SELECT name, sql FROM sqlite_master
      WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${sql.join(tables)})
      ORDER BY name`.execute(db);
    return result.rows.map((r) => ({ name: r.name, definition: r.sql }));
  }
  const result = await sql<{ indexname: string; indexdef: string }>`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join(tables)})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
    ORDER BY i.indexname`.execute(db);
  return result.rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

/** Drops the secondary indexes of `tables` and records them, in one transaction; answers what was dropped. */
export async function dropSecondaryIndexes(
  db: Db,
  dialect: Dialect,
  tables: readonly string[],
): Promise<SecondaryIndex[]> {
  const indexes = await secondaryIndexes(db, dialect, tables);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('setting')
      .values({
        key: PENDING_KEY,
        value: JSON.stringify(indexes),
        updated_at: new Date().toISOString(),
        updated_by: null,
      })
      .execute();
    for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(trx);
  });
  return indexes;
}

/** `CREATE [UNIQUE] INDEX name` → `… IF NOT EXISTS name`: building again what is already there is a no-op. */
const ifMissing = (definition: string): string =>
  definition.replace(/^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS)/i, (head) => `${head}IF NOT EXISTS `);

/**
 * Builds the indexes again, each in its own transaction, then forgets the record. Building an index over loaded
 * rows sorts them once — what pg_restore does — instead of updating every index for every row; on PostgreSQL the
 * sort gets more memory for its session (a planner setting, not a durability one).
 */
export async function createIndexes(
  db: Db,
  dialect: Dialect,
  indexes: readonly SecondaryIndex[],
  onBuilt: () => void,
): Promise<void> {
  for (const index of indexes) {
    await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx);
      await sql.raw(ifMissing(index.definition)).execute(trx);
    });
    onBuilt();
  }
  await db.deleteFrom('setting').where('key', '=', PENDING_KEY).execute();
}

/** Builds the indexes a run that died left dropped (nothing when none did). */
export async function restoreDroppedIndexes(db: Db, dialect: Dialect): Promise<number> {
  const pending = await db.selectFrom('setting').select('value').where('key', '=', PENDING_KEY).executeTakeFirst();
  if (!pending) return 0;
  const indexes = JSON.parse(pending.value) as SecondaryIndex[];
  await createIndexes(db, dialect, indexes, () => {});
  return indexes.length;
}
