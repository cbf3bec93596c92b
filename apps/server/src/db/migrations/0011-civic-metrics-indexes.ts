import { type Kysely, sql } from 'kysely';
import type { LinliMigration } from './migration-helpers.ts';

/**
 * Covering indexes for the 民情 statistics (`modules/civic-cases/metrics/metrics.repository.ts`). Each family of
 * counts is read by the scope's path prefix and its own date; with the few fact columns it needs in the index,
 * a county-wide year is an index-only range read instead of 200,000 random reads of wide case rows (measured in
 * `test/civic-metrics.measure.ts`). The (path, date) indexes of 0009 that these extend are dropped: every query
 * that could use one can use its wider successor, and the case row's writes keep one index per date instead of two.
 * Plus `(type, at, to_status, case_id)` on the event log for the few event types the statistics count directly.
 */
const REPLACED = [
  ['civic_case_path_received_idx', ['path', 'received_on']],
  ['civic_case_dispatched_idx', ['path', 'dispatched_on']],
  ['civic_case_closed_idx', ['path', 'closed_on']],
  ['civic_case_rated_idx', ['path', 'rated_on']],
] as const;

const COVERING = [
  ['civic_case_received_facts_idx', ['path', 'received_on', 'category_id', 'status']],
  ['civic_case_accepted_idx', ['path', 'accepted_at']],
  ['civic_case_dispatched_facts_idx', ['path', 'dispatched_on', 'responded']],
  ['civic_case_closed_facts_idx', ['path', 'closed_on', 'status', 'end_type', 'handle_on_time', 'category_id']],
  ['civic_case_rated_facts_idx', ['path', 'rated_on', 'rating', 'rating_resolved']],
] as const;

export const civicMetricsIndexesMigration: LinliMigration = {
  async up(db: Kysely<unknown>) {
    for (const [name] of REPLACED) await db.schema.dropIndex(name).execute();
    for (const [name, columns] of COVERING) {
      await db.schema
        .createIndex(name)
        .on('civic_case')
        .columns([...columns])
        .execute();
    }
    // The overdue backlog is a small share of the cases: a partial index holds only them.
    await db.schema
      .createIndex('civic_case_overdue_idx')
      .on('civic_case')
      .columns(['path', 'status'])
      .where(sql.ref('overdue'), '=', 1)
      .execute();
    await db.schema
      .createIndex('civic_case_event_type_at_idx')
      .on('civic_case_event')
      .columns(['type', 'at', 'to_status', 'case_id'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('civic_case_event_type_at_idx').execute();
    await db.schema.dropIndex('civic_case_overdue_idx').execute();
    for (const [name] of [...COVERING].reverse()) await db.schema.dropIndex(name).execute();
    for (const [name, columns] of REPLACED) {
      await db.schema
        .createIndex(name)
        .on('civic_case')
        .columns([...columns])
        .execute();
    }
  },
};
