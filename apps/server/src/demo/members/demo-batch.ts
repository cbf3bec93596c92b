import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../platform/transaction.ts';

/** Rows per INSERT: well under SQLite's bound-parameter limit for the widest demo table. */
const CHUNK = 100;

/** Inserts rows in chunks, in the caller's transaction. */
export async function insertMany<T extends keyof DB & string>(
  trx: Trx,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely cannot relate a generic table name to its row type; the parameter's type already checked the rows.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/** `YYYY-MM-DD` of a date `days` before `now`. */
export const daysBefore = (now: Date, days: number): string =>
  new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** An ISO timestamp `days` (fractional) before `now`. */
export const timeBefore = (now: Date, days: number): string =>
  new Date(now.getTime() - days * 86_400_000).toISOString();
