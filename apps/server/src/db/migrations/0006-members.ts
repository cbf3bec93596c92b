import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { createPostTables } from './0006-members/posts.ts';
import { createMemberRecordTables } from './0006-members/records.ts';
import { createReportInTables } from './0006-members/report-ins.ts';
import { createRosterTables } from './0006-members/roster.ts';
import { createStoredFileTables } from './0006-members/stored-files.ts';
import type { LinliMigration } from './migration-helpers.ts';

export { DEFAULT_POST_CATEGORIES, defaultPostCategoryId } from './0006-members/post-category-defaults.ts';

const TABLES = [
  'member_year_flag',
  'work_unit_feedback',
  'member_import',
  'pii_export_request',
  'service_record',
  'need',
  'post_claim',
  'post_household',
  'post',
  'post_category',
  'household_visit',
  'household_link',
  'member_report_in',
  'org_report_in',
  'member',
  'resident',
  'household',
  'work_unit',
  'stored_file_content',
  'stored_file',
] as const;

/**
 * The members module (issue 3): roster, 双报到, posts, needs and services, households, work-unit feedback,
 * plus stored files (photos, imports, generated documents) that later modules reuse.
 *
 * Scope: every row carries the materialised path it is authorised by — a member both its residence compound's
 * path and its home branch's path (a secretary sees members who live in the compound and members whose
 * membership the branch holds); households, visits and links the grid's path when the household lies in a grid.
 */
export const membersMigration: LinliMigration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    for (const create of [
      createStoredFileTables,
      createRosterTables,
      createReportInTables,
      createPostTables,
      createMemberRecordTables,
    ]) {
      await create(db, dialect);
    }
  },

  async down(db: Kysely<unknown>) {
    for (const table of TABLES) await db.schema.dropTable(table).execute();
  },
};
