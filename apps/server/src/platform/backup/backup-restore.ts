import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DatabaseTarget } from '../../db/database.ts';
import type { KeyRing } from '../crypto/index.ts';
import { assertArchiveOpenable, openArchive } from './backup-archive.ts';
import { BackupError } from './backup-error.ts';
import { type BackupHeader, readArchiveLayout } from './backup-header.ts';
import { removeSqliteFiles } from './durable-files.ts';
import {
  clearPostgresSchema,
  describePostgresTarget,
  inspectPostgresTarget,
  restorePostgresDump,
} from './postgres-target.ts';
import { assertMigrationsKnown, isEmptyTarget, pendingMigrations } from './restore-rules.ts';
import { inspectSqliteFile } from './sqlite-snapshot.ts';
import { inspectSqliteTarget, replaceSqliteFile } from './sqlite-target.ts';
import { differingCounts, type TableCounts } from './table-counts.ts';

export interface RestoreRequest {
  file: string;
  target: DatabaseTarget;
  keys: KeyRing;
  /** Replace a database that holds data. Without it only an empty one is written to. */
  force: boolean;
  /** Where a PostgreSQL dump is decrypted to while pg_restore reads it (the data directory). */
  workDir: string;
}

export interface RestoreReport {
  header: BackupHeader;
  /** The target held county data, and `force` allowed replacing it. */
  replacedData: boolean;
  /** Migrations the code has beyond the backup's; `linli serve` applies them. */
  pendingMigrations: string[];
}

function assertEmptyOrForced(where: string, tables: TableCounts | null, force: boolean): boolean {
  const hasData = tables !== null && !isEmptyTarget(tables);
  if (hasData && !force) {
    throw new BackupError(
      `${where} already holds data; restore writes only into an empty database. Add --force to replace it ` +
        '(back it up first if anything in it may still be needed).',
    );
  }
  return hasData;
}

function assertSameCounts(header: BackupHeader, found: TableCounts, where: string): void {
  const differences = differingCounts(header.tables, found);
  if (differences.length > 0) {
    throw new BackupError(`${where} does not hold what the backup recorded:\n${differences.join('\n')}`);
  }
}

/**
 * SQLite: decrypt into a new file next to the target, check it (integrity, foreign keys, row counts, migrations),
 * and only then move it over the target in one rename — a failed restore leaves the target as it was.
 */
async function restoreSqlite(request: RestoreRequest, path: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Checked before the work and again at the swap: a server may have started in between.
  assertEmptyOrForced(path, inspectSqliteTarget(path), request.force);
  const staging = `${path}.restore-${randomBytes(4).toString('hex')}`;
  try {
    const header = await openArchive(request.file, request.keys, staging);
    const restored = inspectSqliteFile(staging);
    if (restored.problems.length > 0) {
      throw new BackupError(`the restored file fails its integrity check:\n${restored.problems.join('\n')}`);
    }
    assertSameCounts(header, restored.tables, 'the restored file');
    assertMigrationsKnown(restored.migrations, 'the restored file');
    const replacedData = assertEmptyOrForced(path, inspectSqliteTarget(path), request.force);
    await replaceSqliteFile(staging, path);
    return replacedData;
  } finally {
    await removeSqliteFiles(staging);
  }
}

/**
 * PostgreSQL: decrypt the dump into the work directory, clear the target schema, `pg_restore` it in one
 * transaction, then compare every table's row count with the counts taken in the dump's own snapshot.
 */
async function restorePostgres(request: RestoreRequest, url: string): Promise<boolean> {
  const where = `the database ${new URL(url).pathname.slice(1)} on ${new URL(url).host}`;
  const replacedData = assertEmptyOrForced(where, await inspectPostgresTarget(url), request.force);
  await mkdir(request.workDir, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(request.workDir, 'restore-'));
  try {
    const dumpFile = join(dir, 'linli.dump');
    const header = await openArchive(request.file, request.keys, dumpFile);
    await clearPostgresSchema(url);
    await restorePostgresDump(url, dumpFile);
    const restored = await describePostgresTarget(url);
    assertSameCounts(header, restored.tables, where);
    assertMigrationsKnown(restored.migrations, where);
    return replacedData;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `linli restore` (REL-4, REL-5, SEC-26). Everything that can be refused without decrypting is refused first: not
 * an archive, the wrong master key, the other database's archive, or a backup newer than this code.
 */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreReport> {
  const { header } = await readArchiveLayout(request.file);
  assertArchiveOpenable(request.file, header, request.keys);
  const { target } = request;
  if (header.dialect !== target.dialect) {
    throw new BackupError(
      `${request.file} is a ${header.dialect} backup and the configured database is ${target.dialect}; ` +
        'restore it into the same kind of database',
    );
  }
  assertMigrationsKnown(header.migrations, request.file);
  const replacedData =
    target.dialect === 'sqlite'
      ? await restoreSqlite(request, target.path)
      : await restorePostgres(request, target.url);
  return { header, replacedData, pendingMigrations: pendingMigrations(header.migrations) };
}
