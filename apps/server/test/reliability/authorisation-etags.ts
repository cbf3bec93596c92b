import { sql } from 'kysely';
import type { World } from './authorisation-world.ts';

/**
 * `If-Match` headers for the matrix's writes, read straight from the tables: a fresh read whoever the caller is,
 * so a caller who may not GET the object still sends the current version and meets the authorisation check, not
 * a 412 (REL-7).
 */

export async function ifMatchOf(
  world: World,
  table: string,
  id: string,
  idColumn = 'id',
): Promise<Record<string, string>> {
  const { rows } = await sql<{
    version: number | string;
  }>`SELECT version FROM ${sql.table(table)} WHERE ${sql.ref(idColumn)} = ${id}`.execute(world.t.platform.db);
  const version = rows[0]?.version;
  if (version === undefined) throw new Error(`matrix: no ${table} ${id}`);
  return { 'if-match': `"v${Number(version)}"` };
}

/** A county-wide setting's version; `"v0"` before its first save. */
export async function settingEtag(world: World, key: string): Promise<Record<string, string>> {
  const row = await world.t.platform.db
    .selectFrom('setting')
    .select('version')
    .where('key', '=', key)
    .executeTakeFirst();
  return { 'if-match': `"v${row ? Number(row.version) : 0}"` };
}
