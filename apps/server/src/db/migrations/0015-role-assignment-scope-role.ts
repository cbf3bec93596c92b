import type { Kysely } from 'kysely';
import type { LinliMigration } from './migration-helpers.ts';

/**
 * `(scope_path, role)` on role_assignment: who holds a role at a place and the places above it — a new 民情
 * case's notified staff (`case-units.ts`), asked on every submission. Without it the lookup read every
 * assignment, residents' included: 3 ms a submission on the small benchmark county, growing with the residents.
 */
export const roleAssignmentScopeRoleMigration: LinliMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('role_assignment_path_role_idx')
      .on('role_assignment')
      .columns(['scope_path', 'role'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('role_assignment_path_role_idx').execute();
  },
};
