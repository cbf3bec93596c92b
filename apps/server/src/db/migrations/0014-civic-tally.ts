import type { Kysely } from 'kysely';
import { type LinliMigration, pathColumn } from './migration-helpers.ts';

/** The count columns of `civic_case_tally`, in the order of `CaseCounts` (voids split by reason). */
export const TALLY_COUNT_COLUMNS = [
  'received',
  'accepted',
  'dispatched',
  'responded',
  'closed',
  'closed_resolved',
  'closed_on_time',
  'rated',
  'rated_resolved',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'rework',
  'voided_duplicate',
  'voided_out_of_scope',
  'voided_insufficient',
  'voided_not_responsible',
  'voided_referred',
  'extensions',
  'deferrals',
] as const;

/**
 * Counters of 民情 facts kept in the transaction that changes a case (DESIGN §3: statistics from counters, never
 * from scanning at request time): per compound and category, one row per day (`grain = 'day'`, bucket
 * `YYYY-MM-DD`) and one per month (`grain = 'month'`, bucket `YYYY-MM`), each fact on its own date in Asia/Shanghai
 * (received_on, the day of accepted_at, dispatched_on, closed_on, rated_on, the event's day). A county-year is then
 * twelve month buckets per compound and category instead of every case's index entries; a period that does not
 * start or end on a month boundary adds the day rows of its partial months. `path` is the compound's path, so scope
 * filters are the same prefix ranges as on the case rows.
 */
export const civicTallyMigration: LinliMigration = {
  async up(db: Kysely<unknown>, dialect) {
    let table = db.schema
      .createTable('civic_case_tally')
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('compound_id', 'text', (c) => c.notNull())
      .addColumn('category_id', 'text', (c) => c.notNull())
      .addColumn('community_id', 'text', (c) => c.notNull())
      .addColumn('path', 'text', pathColumn(dialect));
    for (const column of TALLY_COUNT_COLUMNS) {
      table = table.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
    }
    await table
      .addPrimaryKeyConstraint('civic_case_tally_pk', ['grain', 'bucket', 'compound_id', 'category_id'])
      .execute();
    await db.schema
      .createIndex('civic_case_tally_path_idx')
      .on('civic_case_tally')
      .columns(['grain', 'path', 'bucket'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('civic_case_tally').execute();
  },
};
