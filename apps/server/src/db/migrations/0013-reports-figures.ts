import type { Kysely } from 'kysely';
import type { LinliMigration } from './migration-helpers.ts';

const INDEXES = [
  'household_link_path_idx',
  'civic_mediation_created_idx',
  'branch_term_member_term_idx',
  'partner_unit_compound_compound_idx',
] as const;

/**
 * Indexes the report figures read (`modules/reports/figures`): households linked to members counted by the
 * scope's path prefix and the link's date (household_link had no path index), and mediations by the day they
 * were opened (a small table, read by date and joined to the case for its path); a branch term's committee
 * members by term, and a compound's partner units by compound (both tables had only their primary keys, so
 * either lookup scanned the whole table).
 */
export const reportsFiguresMigration: LinliMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('household_link_path_idx')
      .on('household_link')
      .columns(['path', 'created_at', 'household_id'])
      .execute();
    await db.schema.createIndex('civic_mediation_created_idx').on('civic_mediation').column('created_at').execute();
    await db.schema.createIndex('branch_term_member_term_idx').on('branch_term_member').column('term_id').execute();
    await db.schema
      .createIndex('partner_unit_compound_compound_idx')
      .on('partner_unit_compound')
      .column('compound_id')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const index of [...INDEXES].reverse()) await db.schema.dropIndex(index).execute();
  },
};
