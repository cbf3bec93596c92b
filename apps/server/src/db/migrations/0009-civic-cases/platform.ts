import type { Kysely } from 'kysely';
import type { Dialect } from '../../database.ts';

/**
 * Platform tables the 民情 loop needs first: the working-day calendar (exceptions to Monday–Friday, seeded by
 * the calendar sync from chinese-days and editable by the county), the in-app notification inbox, and image
 * thumbnails.
 */
export async function createCivicPlatformTables(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('work_calendar_day')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('workday', 'integer', (c) => c.notNull())
    .addColumn('name', 'text')
    /** `package` rows are refreshed from chinese-days; `county` rows are the county's own and always win. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at']).execute();

  await db.schema.alterTable('stored_file').addColumn('thumbnail_file_id', 'text').execute();
}
