import { type Expression, type SqlBool, sql } from 'kysely';

/** Booleans are integer 0/1 on both databases. */
export const toBool = (value: number | boolean | null | undefined): boolean => value === 1 || value === true;
export const fromBool = (value: boolean): number => (value ? 1 : 0);

/** PostgreSQL returns bigint aggregates as strings; SQLite as numbers. */
export const toNumber = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);

/** `column LIKE prefix%`, with LIKE's wildcards in the prefix escaped: the materialised-path scope test. */
export function pathStartsWith(column: Expression<string> | string, prefix: string): Expression<SqlBool> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${ref} LIKE ${`${escaped}%`} ESCAPE '\\'`;
}

export const sqlFalse = (): Expression<SqlBool> => sql<SqlBool>`1 = 0`;

/** Escapes LIKE wildcards in user search text. */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export const likeEscape = sql`ESCAPE '\\'`;
