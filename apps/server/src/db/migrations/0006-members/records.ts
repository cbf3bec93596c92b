import type { Kysely } from 'kysely';
import type { Dialect } from '../../database.ts';
import { pathColumn } from '../migration-helpers.ts';

/** PI-4 export requests, roster imports, work-unit feedback documents and year-end flags. */
export async function createMemberRecordTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const path = pathColumn(dialect);

  await db.schema
    .createTable('pii_export_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('path', 'text', path)
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('used_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('pii_export_request_path_idx')
    .on('pii_export_request')
    .columns(['path', 'status'])
    .execute();

  await db.schema
    .createTable('member_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_file.id'))
    .addColumn('path', 'text', path)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'text')
    .addColumn('failure', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('member_import_path_idx').on('member_import').columns(['path', 'created_at']).execute();

  await db.schema
    .createTable('work_unit_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_unit_id', 'text', (c) => c.notNull().references('work_unit.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_file.id'))
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addColumn('generated_by', 'text')
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_unit_feedback_period_idx')
    .on('work_unit_feedback')
    .columns(['work_unit_id', 'year', 'quarter'])
    .execute();

  await db.schema
    .createTable('member_year_flag')
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', path)
    .addColumn('no_report_in', 'integer', (c) => c.notNull())
    .addColumn('no_service', 'integer', (c) => c.notNull())
    .addColumn('service_count', 'integer', (c) => c.notNull())
    .addColumn('service_minutes', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_year_flag_pk', ['member_id', 'year'])
    .execute();
  await db.schema.createIndex('member_year_flag_path_idx').on('member_year_flag').columns(['year', 'path']).execute();
}
