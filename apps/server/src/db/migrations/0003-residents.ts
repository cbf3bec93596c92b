import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { type LinliMigration, pathColumn } from './migration-helpers.ts';

/** The residents module: households claimed at self-registration, confirmed by the compound's branch. */
export const residentsMigration: LinliMigration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await db.schema
      .createTable('resident_claim')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
      .addColumn('path', 'text', pathColumn(dialect))
      .addColumn('building', 'text', (c) => c.notNull())
      .addColumn('unit', 'text')
      .addColumn('room', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('resident_claim_path_idx').on('resident_claim').columns(['path', 'status']).execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('resident_claim').execute();
  },
};
