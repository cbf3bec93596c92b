import type { Kysely } from 'kysely';
import type { Dialect } from '../../database.ts';
import { pathColumn, withEditColumns } from '../migration-helpers.ts';

/** 双报到 of organ Party organisations and of members, 党员联系住户 links and visits. */
export async function createReportInTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const path = pathColumn(dialect);

  await withEditColumns(
    db.schema
      .createTable('org_report_in')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reporting_org_id', 'text', (c) => c.notNull().references('org_unit.id'))
      .addColumn('reporting_path', 'text', path)
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('path', 'text', path)
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_phone_cipher', 'text', (c) => c.notNull())
      .addColumn('resources', 'text', (c) => c.notNull())
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('receipt_no', 'text')
      .addColumn('received_by', 'text')
      .addColumn('received_at', 'text'),
  ).execute();
  await db.schema.createIndex('org_report_in_path_idx').on('org_report_in').columns(['path', 'status']).execute();
  await db.schema.createIndex('org_report_in_reporting_idx').on('org_report_in').column('reporting_path').execute();

  await withEditColumns(
    db.schema
      .createTable('member_report_in')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
      .addColumn('path', 'text', path)
      .addColumn('work_unit_id', 'text', (c) => c.references('work_unit.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('skills', 'text')
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('reject_reason', 'text')
      .addColumn('receipt_no', 'text'),
  ).execute();
  await db.schema.createIndex('member_report_in_path_idx').on('member_report_in').columns(['path', 'status']).execute();
  await db.schema.createIndex('member_report_in_member_idx').on('member_report_in').column('member_id').execute();
  await db.schema
    .createIndex('member_report_in_unit_idx')
    .on('member_report_in')
    .columns(['work_unit_id', 'status'])
    .execute();

  await db.schema
    .createTable('household_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('path', 'text', path)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('household_link_uq')
    .on('household_link')
    .columns(['member_id', 'household_id'])
    .unique()
    .execute();
  await db.schema.createIndex('household_link_household_idx').on('household_link').column('household_id').execute();

  await db.schema
    .createTable('household_visit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('path', 'text', path)
    .addColumn('visitor_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('member_id', 'text', (c) => c.references('member.id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('findings', 'text')
    .addColumn('follow_up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('civic_case_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_visit_household_idx')
    .on('household_visit')
    .columns(['household_id', 'visited_on'])
    .execute();
  await db.schema
    .createIndex('household_visit_path_idx')
    .on('household_visit')
    .columns(['path', 'visited_on'])
    .execute();
}
