import { MIGRATIONS } from '../../db/migrations/index.ts';
import { BackupError } from './backup-error.ts';

/**
 * A restored database may be behind the code (`linli serve` migrates it forward) but never ahead of it: code that
 * does not know a migration cannot read the tables it made, and would run anyway on a schema it does not expect.
 */
export function assertMigrationsKnown(applied: readonly string[], what: string): void {
  const unknown = applied.filter((name) => !(name in MIGRATIONS));
  if (unknown.length === 0) return;
  throw new BackupError(
    `${what} has migrations this version of Linli does not know (${unknown.join(', ')}): it was made by a newer ` +
      'version. Restore it with that version or a later one.',
  );
}

/** Migrations the code has and the database has not yet applied. */
export const pendingMigrations = (applied: readonly string[]): string[] =>
  Object.keys(MIGRATIONS).filter((name) => !applied.includes(name));

/**
 * Tables that hold a county once it exists: accounts, the organisation tree and the audit log of every change.
 * Migrations seed reference rows (categories, posts, settings), so "no rows at all" never holds after
 * `linli migrate`; a database whose county tables are empty has nothing a restore could destroy.
 */
const COUNTY_TABLES = ['app_user', 'org_unit', 'audit_log'] as const;

/**
 * Whether a restore may write into a database with these tables and row counts without `--force`: it has no
 * tables at all, or it is Linli's and its county tables are empty.
 */
export function isEmptyTarget(tables: Readonly<Record<string, number>>): boolean {
  if (Object.keys(tables).length === 0) return true;
  return COUNTY_TABLES.every((table) => tables[table] === 0);
}
