import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseTarget, type Db, type Dialect, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { postgresIntegrity, sqliteIntegrity } from './crash-checks.ts';
import { createPostgresDatabase, type PostgresDatabase } from './process-database.ts';

/** One database kind as the backup test uses it: a source the writer fills, and fresh targets to restore into. */
export interface BackupKit {
  dialect: Dialect;
  /** The data directory of the source installation (its backups/ folder, the restore's work directory). */
  dataDir: string;
  source: DatabaseTarget;
  /** A database nobody uses yet: none at all, or (`migrated`) one `linli migrate` made — no county in it. */
  newTarget(options: { migrated: boolean }): Promise<DatabaseTarget>;
  /** The target still holds nothing: no file, or no table. */
  isUntouched(target: DatabaseTarget): Promise<boolean>;
  /** The database's own integrity checks: integrity_check and foreign keys, or amcheck. */
  integrityProblems(db: Db): Promise<string[]>;
  cleanup(): Promise<void>;
}

async function migrateTarget(target: DatabaseTarget): Promise<void> {
  const database = await openDatabase(target);
  try {
    await migrateToLatest(database);
  } finally {
    await database.close();
  }
}

export function sqliteKit(): BackupKit {
  const dirs = [mkdtempSync(join(tmpdir(), 'linli-backup-'))];
  const dataDir = dirs[0] as string;
  return {
    dialect: 'sqlite',
    dataDir,
    source: { dialect: 'sqlite', path: join(dataDir, 'linli.db') },
    async newTarget({ migrated }) {
      const dir = mkdtempSync(join(tmpdir(), 'linli-restore-'));
      dirs.push(dir);
      const target: DatabaseTarget = { dialect: 'sqlite', path: join(dir, 'linli.db') };
      if (migrated) await migrateTarget(target);
      return target;
    },
    isUntouched: async (target) => target.dialect === 'sqlite' && !existsSync(target.path),
    integrityProblems: sqliteIntegrity,
    async cleanup() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()',
    );
    return Number(result.rows[0]?.n);
  } finally {
    await client.end();
  }
}

/** Databases on the server of LINLI_TEST_PG_URL, each dropped by `cleanup`. */
export async function postgresKit(serverUrl: string): Promise<BackupKit> {
  const created: PostgresDatabase[] = [];
  const newDatabase = async () => {
    const database = await createPostgresDatabase(serverUrl, 'linli_backup');
    created.push(database);
    return { dialect: 'postgres', url: database.url } as const;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-backup-'));
  return {
    dialect: 'postgres',
    dataDir,
    source: await newDatabase(),
    async newTarget({ migrated }) {
      const target = await newDatabase();
      if (migrated) await migrateTarget(target);
      return target;
    },
    isUntouched: async (target) => target.dialect === 'postgres' && (await tableCount(target.url)) === 0,
    async integrityProblems(db) {
      // amcheck is contrib (Debian's postgresql-15); the test cluster's superuser installs it in the copy it checks.
      await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(db);
      return (await postgresIntegrity(db)).problems;
    },
    async cleanup() {
      for (const database of created) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
