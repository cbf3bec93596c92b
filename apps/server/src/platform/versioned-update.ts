import { type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../db/schema.ts';
import { isoNow } from './clock.ts';
import { assertUpdated } from './concurrency.ts';
import type { Ctx } from './context.ts';
import type { Trx } from './transaction.ts';

/** The tables edited under REL-7: each row carries a `version` counter and an `updated_at` stamp. */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { version: unknown; updated_at: unknown } ? T : never;
}[keyof DB];

/** A row is named by its `id`; a setting, which has none, by its `key`. */
type RowName<T extends VersionedTable> = DB[T] extends { id: string }
  ? { id: string }
  : DB[T] extends { key: string }
    ? { key: string }
    : never;

export type VersionedUpdate<T extends VersionedTable> = RowName<T> & {
  table: T;
  /** The version the editor read (from `If-Match`). */
  expectedVersion: number;
  /** The columns to write; `updated_at` and `version` are the helper's to set. */
  changes: Omit<Updateable<DB[T]>, 'id' | 'key' | 'version' | 'updated_at'>;
};

/** All the helper needs to know of a versioned table; the caller's `changes` were checked against the real one. */
type AnyVersionedDb = Record<string, { version: number; updated_at: string } & Record<string, unknown>>;

/**
 * REL-7 in one place: writes `changes` to the row only if it is still at `expectedVersion`, stamping
 * `updated_at` from `ctx.clock` and bumping `version`. When no row matched, someone saved first (or the row
 * is gone) and the edit fails with VERSION_STALE (412) instead of overwriting their work. Returns the stamp
 * written, so a use case that touches related rows in the same edit can stamp them alike.
 */
export async function updateAtVersion<T extends VersionedTable>(
  trx: Trx,
  ctx: Pick<Ctx, 'clock'>,
  target: VersionedUpdate<T>,
): Promise<string> {
  const updatedAt = isoNow(ctx.clock);
  const [nameColumn, name] = 'id' in target ? ['id', target.id] : ['key', target.key];
  const table: string = target.table;
  // Kysely cannot follow a table name that is a type parameter, hence the untyped view for this one statement.
  const result = await (trx as unknown as Kysely<AnyVersionedDb>)
    .updateTable(table)
    .set({ ...target.changes, updated_at: updatedAt, version: sql`version + 1` })
    .where(nameColumn, '=', name)
    .where('version', '=', target.expectedVersion)
    .executeTakeFirst();
  assertUpdated(result.numUpdatedRows);
  return updatedAt;
}

/** A body field's column, or its column and how to turn the given value into what is stored. */
type ColumnOf<V> = string | readonly [column: string, convert: (value: Exclude<V, undefined>) => unknown];

export type ColumnMap<B> = { [K in keyof B]?: ColumnOf<B[K]> };

type ColumnName<E> = E extends string ? E : E extends readonly [infer C extends string, unknown] ? C : never;
type ColumnValue<V, E> = E extends readonly [string, (value: never) => infer R] ? R : Exclude<V, undefined>;

export type DefinedColumns<B, M> = {
  [K in keyof M & keyof B as ColumnName<M[K]>]?: ColumnValue<B[K], M[K]>;
};

/**
 * The columns of a partial edit: only the fields the body gives (an absent or `undefined` field leaves its
 * column alone, while `null` is written and clears it), each under its column name and converted on the way.
 * `definedColumns(body, { name: 'name', address: ['address', emptyToNull] })`.
 */
export function definedColumns<B extends object, const M extends ColumnMap<B>>(
  body: B,
  columns: M,
): DefinedColumns<B, M> {
  const written: Record<string, unknown> = {};
  for (const field of Object.keys(columns) as (keyof B & keyof M & string)[]) {
    const value = body[field];
    const column = columns[field] as ColumnOf<unknown> | undefined;
    if (value === undefined || column === undefined) continue;
    if (typeof column === 'string') written[column] = value;
    else written[column[0]] = column[1](value);
  }
  return written as DefinedColumns<B, M>;
}

/** Optional text fields store an empty string as "no value". */
export const emptyToNull = (value: string | null): string | null => value || null;
