import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/** A migration sees the dialect only for what the schema builder cannot say (triggers, collations). */
export interface LinliMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
  down(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** `created_at`, `updated_at` and `version`: the columns every editable table carries. */
export const withEditColumns = <T extends string>(table: CreateTableBuilder<T, never>) =>
  table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));

/**
 * A materialised-path column (`/<id>/<id>/`). Scope filters compare paths as byte ranges, so PostgreSQL must
 * use the "C" collation (a locale collation may ignore the `-` and `/` that the ranges rely on); SQLite's default
 * BINARY collation already compares bytes. Both then serve prefix filters from the path index.
 */
export const pathColumn =
  (dialect: Dialect) =>
  (column: ColumnDefinitionBuilder): ColumnDefinitionBuilder => {
    const notNull = column.notNull();
    return dialect === 'postgres' ? notNull.modifyEnd(sql`COLLATE "C"`) : notNull;
  };
