import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';

/** The tables a generated county writes, digested to show two runs wrote the same rows. */
const DIGESTED_TABLES = [
  'org_unit',
  'compound',
  'compound_party',
  'party_person',
  'grid',
  'venue',
  'branch_term',
  'branch_term_member',
  'app_user',
  'role_assignment',
  'household',
  'resident',
  'resident_claim',
  'work_unit',
  'member',
  'member_report_in',
  'org_report_in',
  'post',
  'post_claim',
  'need',
  'service_record',
  'household_link',
  'household_visit',
  'civic_case',
  'civic_case_event',
  'civic_case_request',
  'civic_supervision',
  'civic_case_follower',
  'civic_case_counter',
  'civic_case_tally',
] as const;

/** Secrets drawn at random on purpose (a password, a TOTP secret, an anonymous case's tracking code). */
const RANDOM_BY_DESIGN = new Set(['password_hash', 'totp_secret_cipher', 'tracking_code']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * A digest per table of every row's content, comparable across two databases: ids become their rank among all
 * ids (the demo county's own ids are random v7 ids, but they are made in the same order on every run, after the
 * generated ones, whose ids come from the seed), wherever they occur — keys, paths, JSON; ciphertexts (random IVs)
 * are decrypted; the secrets drawn at random on purpose are left out. Rows are compared as a sorted set.
 */
export async function rowDigests(db: Db, cipher: FieldCipher): Promise<Record<string, string>> {
  const ids: string[] = [];
  const tables = new Map<string, Array<Record<string, unknown>>>();
  for (const table of DIGESTED_TABLES) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db)).rows;
    tables.set(table, rows);
    for (const row of rows) if (typeof row.id === 'string') ids.push(row.id);
  }
  const rank = new Map([...ids].sort().map((id, i) => [id, `#${i}`]));
  const canonical = (column: string, value: unknown): unknown => {
    if (typeof value !== 'string') return typeof value === 'bigint' ? Number(value) : value;
    const plain = column.endsWith('_cipher') ? cipher.decrypt(value) : value;
    return plain.replace(UUID, (id) => rank.get(id) ?? 'unknown-id');
  };
  const digests: Record<string, string> = {};
  for (const [table, rows] of tables) {
    const lines = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .filter((column) => !RANDOM_BY_DESIGN.has(column))
            .sort()
            .map((column) => [column, canonical(column, row[column])]),
        ),
      )
      .sort();
    digests[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return digests;
}
