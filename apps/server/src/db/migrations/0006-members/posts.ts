import type { Kysely } from 'kysely';
import type { Dialect } from '../../database.ts';
import { pathColumn, withEditColumns } from '../migration-helpers.ts';
import { DEFAULT_POST_CATEGORIES, defaultPostCategoryId } from './post-category-defaults.ts';

/** Post categories (the eight defaults seeded), posts, claims, needs and service records. */
export async function createPostTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const path = pathColumn(dialect);

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
  await db.schema.createIndex('service_record_path_idx').on('service_record').columns(['path', 'served_on']).execute();
}
