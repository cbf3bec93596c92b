import type { Kysely } from 'kysely';
import type { Dialect } from '../../database.ts';
import { pathColumn } from '../migration-helpers.ts';

/** Stored files: photos, uploaded spreadsheets and generated documents, bytes in the database (one backup holds all). */
export async function createStoredFileTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
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
  await db.schema.createIndex('stored_file_owner_idx').on('stored_file').columns(['owner_type', 'owner_id']).execute();
  await db.schema
    .createTable('stored_file_content')
    .addColumn('file_id', 'text', (c) => c.primaryKey().references('stored_file.id').onDelete('cascade'))
    .addColumn('content', blob, (c) => c.notNull())
    .execute();
}
