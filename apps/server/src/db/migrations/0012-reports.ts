import type { Kysely } from 'kysely';
import { type LinliMigration, pathColumn, withEditColumns } from './migration-helpers.ts';

/**
 * The reports module's own tables: the county's work-report templates, the work reports generated from them
 * (the docx itself is a stored file) and ledger exports with their progress. Reports reads every other
 * module's tables and writes none of them.
 */
export const reportsMigration: LinliMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const path = pathColumn(dialect);
    await withEditColumns(
      db.schema
        .createTable('work_report_template')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
        .addColumn('updated_by', 'text', (c) => c.notNull().references('app_user.id')),
    ).execute();

    await db.schema
      .createTable('work_report')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Null for the built-in template; the name is copied so a deleted template still explains the report.
      .addColumn('template_id', 'text')
      .addColumn('template_name', 'text', (c) => c.notNull())
      .addColumn('scope_kind', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('scope_name', 'text', (c) => c.notNull())
      .addColumn('path', 'text', path)
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      // `monthly:<scope id>:<YYYY-MM>`: the monthly job writes each month's report once, however often it runs.
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('figures', 'text', (c) => c.notNull())
      .addColumn('file_id', 'text', (c) => c.notNull().references('stored_file.id'))
      .addColumn('generated_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('generated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('work_report_path_idx').on('work_report').columns(['path', 'generated_at']).execute();

    await db.schema
      .createTable('ledger_export')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('scope_kind', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('scope_name', 'text', (c) => c.notNull())
      .addColumn('path', 'text', path)
      .addColumn('period_from', 'text')
      .addColumn('period_to', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rows_total', 'integer')
      // The xlsx is written to disk under the data directory, not into the database: a ledger can be large.
      .addColumn('file_name', 'text')
      .addColumn('byte_size', 'integer')
      .addColumn('error', 'text')
      .addColumn('requested_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('expires_at', 'text')
      .execute();
    await db.schema
      .createIndex('ledger_export_requester_idx')
      .on('ledger_export')
      .columns(['requested_by', 'requested_at'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('ledger_export').execute();
    await db.schema.dropTable('work_report').execute();
    await db.schema.dropTable('work_report_template').execute();
  },
};
