import { type Kysely, sql } from 'kysely';
import type { LinliMigration } from './migration-helpers.ts';

const INDEXES = ['org_unit_one_branch_per_compound', 'grid_compound_idx', 'venue_compound_idx'] as const;

/**
 * REL-8: "one branch org node per compound" becomes a database rule, so two concurrent requests creating a
 * compound's branch cannot both succeed (the loser gets 409 DUPLICATE). The index is partial, so it binds `branch`
 * nodes only. Plus the indexes the compound detail's grid and venue counts use.
 */
export const organisationIndexesMigration: LinliMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('org_unit_one_branch_per_compound')
      .on('org_unit')
      .column('compound_id')
      .unique()
      .where(sql.ref('kind'), '=', 'branch')
      .execute();
    await db.schema.createIndex('grid_compound_idx').on('grid').column('compound_id').execute();
    await db.schema.createIndex('venue_compound_idx').on('venue').column('compound_id').execute();
  },

  async down(db: Kysely<unknown>) {
    for (const index of [...INDEXES].reverse()) await db.schema.dropIndex(index).execute();
  },
};
