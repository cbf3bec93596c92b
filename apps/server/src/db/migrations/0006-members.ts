import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { type LinliMigration, pathColumn, withEditColumns } from './migration-helpers.ts';

/** The eight post categories counties use for 双报到 posts (domain-cn §2, 中江县); editable afterwards. */
export const DEFAULT_POST_CATEGORIES = [
  '组织建设',
  '法律援助',
  '助困扶残与就业援助',
  '社区治理',
  '健康医疗',
  '文化体育',
  '安全宣传与治安巡逻',
  '其他',
] as const;

/** Fixed ids so the defaults are the same rows on every install (and in every test database). */
export const defaultPostCategoryId = (index: number): string =>
  `00000000-0000-7000-8000-${String(index + 1).padStart(12, '0')}`;

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
    const path = pathColumn(dialect);
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';

    await db.schema
      .createTable('stored_file')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('owner_type', 'text')
      .addColumn('owner_id', 'text')
      .addColumn('path', 'text', path)
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema
      .createIndex('stored_file_owner_idx')
      .on('stored_file')
      .columns(['owner_type', 'owner_id'])
      .execute();
    await db.schema
      .createTable('stored_file_content')
      .addColumn('file_id', 'text', (c) => c.primaryKey().references('stored_file.id').onDelete('cascade'))
      .addColumn('content', blob, (c) => c.notNull())
      .execute();

    await withEditColumns(
      db.schema
        .createTable('work_unit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('party_org_name', 'text', (c) => c.notNull())
        .addColumn('party_org_id', 'text', (c) => c.references('org_unit.id'))
        .addColumn('contact_name', 'text')
        .addColumn('contact_phone_cipher', 'text')
        .addColumn('address', 'text'),
    ).execute();
    await db.schema.createIndex('work_unit_name_uq').on('work_unit').column('name').unique().execute();

    await withEditColumns(
      db.schema
        .createTable('household')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
        .addColumn('grid_id', 'text', (c) => c.references('grid.id'))
        .addColumn('path', 'text', path)
        .addColumn('building', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('room', 'text', (c) => c.notNull())
        .addColumn('note', 'text'),
    ).execute();
    await db.schema
      .createIndex('household_address_uq')
      .on('household')
      .columns(['compound_id', 'building', 'unit', 'room'])
      .unique()
      .execute();
    await db.schema.createIndex('household_path_idx').on('household').column('path').execute();

    await withEditColumns(
      db.schema
        .createTable('resident')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
        .addColumn('path', 'text', path)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('phone_cipher', 'text')
        .addColumn('phone_index', 'text')
        .addColumn('user_id', 'text', (c) => c.references('app_user.id')),
    ).execute();
    await db.schema.createIndex('resident_household_idx').on('resident').column('household_id').execute();
    await db.schema.createIndex('resident_user_idx').on('resident').column('user_id').execute();

    await withEditColumns(
      db.schema
        .createTable('member')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_pinyin', 'text', (c) => c.notNull())
        .addColumn('name_initials', 'text', (c) => c.notNull())
        .addColumn('gender', 'text', (c) => c.notNull())
        .addColumn('ethnicity', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('id_number_cipher', 'text', (c) => c.notNull())
        .addColumn('id_number_index', 'text', (c) => c.notNull())
        .addColumn('id_last4_index', 'text', (c) => c.notNull())
        .addColumn('phone_cipher', 'text')
        .addColumn('phone_index', 'text')
        .addColumn('education', 'text')
        .addColumn('address_cipher', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('joined_on', 'text', (c) => c.notNull())
        .addColumn('full_member_on', 'text')
        .addColumn('employment', 'text', (c) => c.notNull())
        .addColumn('work_unit_id', 'text', (c) => c.references('work_unit.id'))
        .addColumn('branch_org_id', 'text', (c) => c.references('org_unit.id'))
        .addColumn('home_path', 'text', path)
        .addColumn('residence_compound_id', 'text', (c) => c.references('compound.id'))
        .addColumn('residence_path', 'text', path)
        .addColumn('household_id', 'text', (c) => c.references('household.id'))
        .addColumn('is_mobile', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_lost_contact', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
        .addColumn('badge_token', 'text')
        .addColumn('report_in_status', 'text', (c) => c.notNull().defaultTo('none')),
    ).execute();
    await db.schema.createIndex('member_id_number_uq').on('member').column('id_number_index').unique().execute();
    await db.schema.createIndex('member_user_uq').on('member').column('user_id').unique().execute();
    await db.schema.createIndex('member_badge_uq').on('member').column('badge_token').unique().execute();
    for (const [name, columns] of [
      ['member_home_path_idx', ['home_path', 'name_pinyin']],
      ['member_residence_path_idx', ['residence_path', 'name_pinyin']],
      ['member_pinyin_idx', ['name_pinyin']],
      ['member_initials_idx', ['name_initials']],
      ['member_name_idx', ['name']],
      ['member_id_last4_idx', ['id_last4_index']],
      ['member_phone_idx', ['phone_index']],
      ['member_work_unit_idx', ['work_unit_id']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .on('member')
        .columns([...columns])
        .execute();
    }

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
    await db.schema
      .createIndex('member_report_in_path_idx')
      .on('member_report_in')
      .columns(['path', 'status'])
      .execute();
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

    await withEditColumns(
      db.schema
        .createTable('post_category')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
    ).execute();
    await db.schema.createIndex('post_category_name_uq').on('post_category').column('name').unique().execute();
    const now = new Date(0).toISOString();
    await db
      .insertInto('post_category' as never)
      .values(
        DEFAULT_POST_CATEGORIES.map((name, i) => ({
          id: defaultPostCategoryId(i),
          name,
          sort_order: i + 1,
          active: 1,
          created_at: now,
          updated_at: now,
          version: 1,
        })) as never,
      )
      .execute();

    await withEditColumns(
      db.schema
        .createTable('post')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
        .addColumn('path', 'text', path)
        .addColumn('category_id', 'text', (c) => c.notNull().references('post_category.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('duties', 'text', (c) => c.notNull())
        .addColumn('seats', 'integer', (c) => c.notNull())
        .addColumn('area_kind', 'text', (c) => c.notNull())
        .addColumn('area_buildings', 'text')
        .addColumn('duty_zone_id', 'text', (c) => c.references('duty_zone.id'))
        .addColumn('status', 'text', (c) => c.notNull()),
    ).execute();
    await db.schema.createIndex('post_path_idx').on('post').columns(['path', 'status']).execute();
    await db.schema
      .createTable('post_household')
      .addColumn('post_id', 'text', (c) => c.notNull().references('post.id').onDelete('cascade'))
      .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
      .addPrimaryKeyConstraint('post_household_pk', ['post_id', 'household_id'])
      .execute();

    await withEditColumns(
      db.schema
        .createTable('post_claim')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('post_id', 'text', (c) => c.notNull().references('post.id'))
        .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
        .addColumn('path', 'text', path)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decision_reason', 'text'),
    ).execute();
    await db.schema.createIndex('post_claim_post_idx').on('post_claim').columns(['post_id', 'status']).execute();
    await db.schema.createIndex('post_claim_member_idx').on('post_claim').columns(['member_id', 'status']).execute();
    await db.schema.createIndex('post_claim_path_idx').on('post_claim').columns(['path', 'status']).execute();

    await withEditColumns(
      db.schema
        .createTable('need')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
        .addColumn('path', 'text', path)
        .addColumn('category_id', 'text', (c) => c.notNull().references('post_category.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('household_id', 'text', (c) => c.references('household.id'))
        .addColumn('due_on', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('claimed_by_member_id', 'text', (c) => c.references('member.id'))
        .addColumn('claimed_at', 'text')
        .addColumn('created_by', 'text'),
    ).execute();
    await db.schema.createIndex('need_path_idx').on('need').columns(['path', 'status']).execute();
    await db.schema.createIndex('need_claimant_idx').on('need').column('claimed_by_member_id').execute();

    await withEditColumns(
      db.schema
        .createTable('service_record')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
        .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
        .addColumn('path', 'text', path)
        .addColumn('need_id', 'text', (c) => c.references('need.id'))
        .addColumn('post_id', 'text', (c) => c.references('post.id'))
        .addColumn('household_id', 'text', (c) => c.references('household.id'))
        .addColumn('served_on', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('rating', 'text')
        .addColumn('rated_by_kind', 'text')
        .addColumn('rated_by', 'text')
        .addColumn('rated_at', 'text')
        .addColumn('rating_comment', 'text')
        .addColumn('created_by', 'text'),
    ).execute();
    await db.schema
      .createIndex('service_record_member_idx')
      .on('service_record')
      .columns(['member_id', 'served_on'])
      .execute();
    await db.schema
      .createIndex('service_record_path_idx')
      .on('service_record')
      .columns(['path', 'served_on'])
      .execute();

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
  },

  async down(db: Kysely<unknown>) {
    for (const table of TABLES) await db.schema.dropTable(table).execute();
  },
};
