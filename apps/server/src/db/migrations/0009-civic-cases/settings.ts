import type { Kysely } from 'kysely';
import type { Dialect } from '../../database.ts';
import { pathColumn, withEditColumns } from '../migration-helpers.ts';
import { DEFAULT_SLA, defaultSlaId, flattenDefaultCategories } from './category-defaults.ts';

/** Categories (the default tree seeded), the SLA table (12345 defaults seeded), routing rules and Open311 keys. */
export async function createCivicSettingTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const path = pathColumn(dialect);
  const now = new Date(0).toISOString();

  await withEditColumns(
    db.schema
      .createTable('civic_category')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('civic_category.id'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('description', 'text')
      .addColumn('keywords', 'text')
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('anonymous_allowed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('staff_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('default_urgency', 'text', (c) => c.notNull())
      .addColumn('duplicate_radius', 'integer', (c) => c.notNull().defaultTo(200))
      /** JSON array of CategoryQuestion. */
      .addColumn('questions', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('civic_category_parent_idx').on('civic_category').column('parent_id').execute();
  await db
    .insertInto('civic_category' as never)
    .values(
      flattenDefaultCategories().map((c) => ({
        id: c.id,
        parent_id: c.parentId,
        code: c.code,
        name: c.name,
        name_en: c.nameEn,
        description: null,
        keywords: c.keywords ?? null,
        sort_order: c.sortOrder,
        anonymous_allowed: c.anonymous ? 1 : 0,
        staff_only: c.staffOnly ? 1 : 0,
        default_urgency: c.urgency ?? 'ordinary',
        duplicate_radius: 200,
        questions: JSON.stringify(c.questions ?? []),
        active: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      })) as never,
    )
    .execute();

  await withEditColumns(
    db.schema
      .createTable('civic_sla')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('category_id', 'text', (c) => c.references('civic_category.id'))
      /** The category id, or `*` for the county default: lets one unique index cover both. */
      .addColumn('category_key', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('civic_sla_cell_uq')
    .on('civic_sla')
    .columns(['category_key', 'urgency', 'step'])
    .unique()
    .execute();
  await db
    .insertInto('civic_sla' as never)
    .values(
      DEFAULT_SLA.map((s, i) => ({
        id: defaultSlaId(i),
        category_id: null,
        category_key: '*',
        urgency: s.urgency,
        step: s.step,
        minutes: s.minutes,
        basis: s.basis,
        created_at: now,
        updated_at: now,
        version: 1,
      })) as never,
    )
    .execute();

  await withEditColumns(
    db.schema
      .createTable('civic_routing_rule')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope_kind', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('scope_path', 'text', path)
      .addColumn('category_id', 'text', (c) => c.references('civic_category.id'))
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('target_org_id', 'text', (c) => c.references('org_unit.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('civic_routing_rule_scope_idx').on('civic_routing_rule').column('scope_path').execute();

  await db.schema
    .createTable('civic_api_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
}
