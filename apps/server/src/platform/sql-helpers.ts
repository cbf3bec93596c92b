import { type Expression, type SqlBool, sql } from 'kysely';

/** Booleans are integer 0/1 on both databases. */
export const toBool = (value: number | boolean | null | undefined): boolean => value === 1 || value === true;
export const fromBool = (value: boolean): number => (value ? 1 : 0);

/** PostgreSQL returns bigint aggregates as strings; SQLite as numbers. */
export const toNumber = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);

/**
 * Rows whose materialised path lies under `prefix`: the scope test. Written as a byte range,
 * `prefix <= column < prefix || '~'` ('~' sorts after every character a path holds: hex digits, '-' and '/'),
 * so both databases answer it from the path index (path columns use the "C" collation on PostgreSQL).
 */
export function pathStartsWith(column: Expression<string> | string, prefix: string): Expression<SqlBool> {
  if (!/^[0-9a-zA-Z/-]*$/.test(prefix)) throw new Error('a path holds only ids and slashes');
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`(${ref} >= ${prefix} AND ${ref} < ${`${prefix}~`})`;
}

export const sqlFalse = (): Expression<SqlBool> => sql<SqlBool>`1 = 0`;

/** Escapes LIKE wildcards in user search text. */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export const likeEscape = sql`ESCAPE '\\'`;
