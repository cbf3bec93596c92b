import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { type LinliMigration, pathColumn, withEditColumns } from './migration-helpers.ts';

/**
 * The organisation module's tables. Every scoped row carries `path`, the materialised path of the org node it
 * hangs under (`/<id>/<id>/…/`), so a scope filter is one prefix comparison in SQL.
 */
export const organisationMigration: LinliMigration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await withEditColumns(
      db.schema
        .createTable('compound')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('path', 'text', pathColumn(dialect))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('household_count', 'integer', (c) => c.notNull())
        .addColumn('building_count', 'integer', (c) => c.notNull())
        .addColumn('rollout_stage', 'text', (c) => c.notNull())
        .addColumn('lng', 'real')
        .addColumn('lat', 'real'),
    ).execute();
    await db.schema.createIndex('compound_path_idx').on('compound').column('path').execute();
    await db.schema.createIndex('compound_org_idx').on('compound').column('org_id').execute();
    await db.schema.createIndex('compound_name_idx').on('compound').columns(['name', 'id']).execute();

    await withEditColumns(
      db.schema
        .createTable('org_unit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text', (c) => c.references('org_unit.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('sector', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('compound_id', 'text', (c) => c.references('compound.id'))
        .addColumn('path', 'text', (c) => pathColumn(dialect)(c).unique())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
    ).execute();
    await db.schema.createIndex('org_unit_parent_idx').on('org_unit').columns(['parent_id', 'sort_order']).execute();
    await db.schema.createIndex('org_unit_compound_idx').on('org_unit').column('compound_id').execute();

    await withEditColumns(
      db.schema
        .createTable('compound_party')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.references('org_unit.id'))
        .addUniqueConstraint('compound_party_kind_unique', ['compound_id', 'kind']),
    ).execute();

    await db.schema
      .createTable('party_person')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('party_id', 'text', (c) => c.notNull().references('compound_party.id').onDelete('cascade'))
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
      .addColumn('person_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('phone_cipher', 'text')
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('party_person_party_idx').on('party_person').column('party_id').execute();
    await db.schema
      .createIndex('party_person_key_idx')
      .on('party_person')
      .columns(['compound_id', 'person_key'])
      .execute();

    await withEditColumns(
      db.schema
        .createTable('grid')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull().references('org_unit.id'))
        .addColumn('compound_id', 'text', (c) => c.references('compound.id'))
        .addColumn('path', 'text', pathColumn(dialect)),
    ).execute();
    await db.schema.createIndex('grid_path_idx').on('grid').column('path').execute();

    await withEditColumns(
      db.schema
        .createTable('duty_zone')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('holder_org_id', 'text', (c) => c.notNull().references('org_unit.id'))
        .addColumn('path', 'text', pathColumn(dialect))
        .addColumn('geometry', 'text'),
    ).execute();
    await db.schema.createIndex('duty_zone_path_idx').on('duty_zone').column('path').execute();

    await withEditColumns(
      db.schema
        .createTable('partner_unit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('contact_name', 'text')
        .addColumn('contact_phone_cipher', 'text')
        .addColumn('resources', 'text')
        .addColumn('org_id', 'text', (c) => c.notNull().references('org_unit.id'))
        .addColumn('path', 'text', pathColumn(dialect)),
    ).execute();
    await db.schema.createIndex('partner_unit_path_idx').on('partner_unit').column('path').execute();

    await db.schema
      .createTable('partner_unit_compound')
      .addColumn('partner_unit_id', 'text', (c) => c.notNull().references('partner_unit.id').onDelete('cascade'))
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
      .addPrimaryKeyConstraint('partner_unit_compound_pk', ['partner_unit_id', 'compound_id'])
      .execute();

    await withEditColumns(
      db.schema
        .createTable('venue')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('area_sqm', 'integer', (c) => c.notNull())
        .addColumn('equipment', 'text', (c) => c.notNull())
        .addColumn('path', 'text', pathColumn(dialect)),
    ).execute();
    await db.schema.createIndex('venue_path_idx').on('venue').column('path').execute();

    await withEditColumns(
      db.schema
        .createTable('branch_term')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('branch_org_id', 'text', (c) => c.notNull().references('org_unit.id'))
        .addColumn('elected_on', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('path', 'text', pathColumn(dialect)),
    ).execute();
    await db.schema
      .createIndex('branch_term_branch_idx')
      .on('branch_term')
      .columns(['branch_org_id', 'starts_on'])
      .execute();

    await db.schema
      .createTable('branch_term_member')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('term_id', 'text', (c) => c.notNull().references('branch_term.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'branch_term_member',
      'branch_term',
      'venue',
      'partner_unit_compound',
      'partner_unit',
      'duty_zone',
      'grid',
      'party_person',
      'compound_party',
      'org_unit',
      'compound',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
