import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { createCivicCaseTables } from './0009-civic-cases/cases.ts';
import { createCivicPlatformTables } from './0009-civic-cases/platform.ts';
import { createCivicSettingTables } from './0009-civic-cases/settings.ts';
import { createCivicSupervisionTables } from './0009-civic-cases/supervision.ts';
import type { LinliMigration } from './migration-helpers.ts';

export {
  DEFAULT_CIVIC_CATEGORIES,
  DEFAULT_SLA,
  defaultCivicCategoryId,
  flattenDefaultCategories,
} from './0009-civic-cases/category-defaults.ts';

const TABLES = [
  'civic_mediation_session',
  'civic_mediation',
  'civic_supervision',
  'civic_saved_view',
  'civic_case_counter',
  'civic_case_request',
  'civic_case_follower',
  'civic_case_assist',
  'civic_case_file',
  'civic_case_event',
  'civic_case',
  'civic_api_key',
  'civic_routing_rule',
  'civic_sla',
  'civic_category',
  'notification',
  'work_calendar_day',
] as const;

/**
 * The 民情 module (issue 4): categories, time limits, routing, cases with their event log, requests, followers,
 * supervision and mediation; plus the platform's working-day calendar, notification inbox and thumbnails.
 *
 * Scope: a case carries the path of where it is (its grid's, else its compound's) and, once dispatched, the path
 * of the unit answering for it; a user sees it through either.
 */
export const civicCasesMigration: LinliMigration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    for (const create of [
      createCivicPlatformTables,
      createCivicSettingTables,
      createCivicCaseTables,
      createCivicSupervisionTables,
    ]) {
      await create(db, dialect);
    }
  },

  async down(db: Kysely<unknown>) {
    for (const table of TABLES) await db.schema.dropTable(table).execute();
    await db.schema.alterTable('stored_file').dropColumn('thumbnail_file_id').execute();
  },
};
