import type { Kysely } from 'kysely';
import type { LinliMigration } from './migration-helpers.ts';

/**
 * The supervision sweep warns a unit once per step that a case is nearly due. `due_soon_warned_at` records when;
 * a warning older than the case's `step_started_at` belongs to an earlier step, so a new step is warned afresh
 * without any other code having to reset the marker. The index serves the sweep's "due soon now" query.
 */
export const civicSupervisionMigration: LinliMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('civic_case').addColumn('due_soon_warned_at', 'text').execute();
    await db.schema
      .createIndex('civic_case_due_soon_idx')
      .on('civic_case')
      .columns(['status', 'due_soon_at'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('civic_case_due_soon_idx').execute();
    await db.schema.alterTable('civic_case').dropColumn('due_soon_warned_at').execute();
  },
};
