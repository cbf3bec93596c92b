import type { Kysely } from 'kysely';
import type { LinliMigration } from './migration-helpers.ts';

/**
 * SEC-3 counts consecutive login failures within 15 minutes: the time of the last failure tells whether a new
 * failure continues the streak or starts a fresh one.
 */
export const loginFailureWindowMigration: LinliMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('app_user').addColumn('last_failed_login_at', 'text').execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('app_user').dropColumn('last_failed_login_at').execute();
  },
};
