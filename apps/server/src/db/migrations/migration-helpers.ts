import type { CreateTableBuilder, Kysely } from 'kysely';
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
