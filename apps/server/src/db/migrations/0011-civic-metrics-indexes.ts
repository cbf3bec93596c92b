import type { Kysely } from 'kysely';
import type { LinliMigration } from './migration-helpers.ts';

/**
 * The 民情 statistics read rework (`reject`, `reopen`), granted requests (`decide_request`) and voids (`void`,
 * `merge`) straight from the event log for the period: `(type, at)` makes that a range read of those few event
 * types instead of a scan of every event. See `modules/civic-cases/metrics/metrics.repository.ts`.
 */
export const civicMetricsIndexesMigration: LinliMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('civic_case_event_type_at_idx')
      .on('civic_case_event')
      .columns(['type', 'at'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('civic_case_event_type_at_idx').execute();
  },
};
