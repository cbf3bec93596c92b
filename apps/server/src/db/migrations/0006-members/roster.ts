import type { Kysely } from 'kysely';
import type { Dialect } from '../../database.ts';
import { pathColumn, withEditColumns } from '../migration-helpers.ts';

/** Work units, households and their residents, and the Party-member roster (two scope paths per member). */
export async function createRosterTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const path = pathColumn(dialect);

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
}
