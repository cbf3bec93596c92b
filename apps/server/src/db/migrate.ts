import { type Migration, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely';
import type { Database } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';

function migratorFor(database: Database): Migrator {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    migrations[name] = {
      up: (db) => m.up(db, database.dialect),
      down: (db) => m.down(db, database.dialect),
    };
  }
  return new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) throw result.error;
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

export const migrateToLatest = async (database: Database): Promise<string[]> =>
  unwrap(await migratorFor(database).migrateToLatest());

export const migrateDownToZero = async (database: Database): Promise<string[]> =>
  unwrap(await migratorFor(database).migrateTo(NO_MIGRATIONS));
