import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DatabaseTarget } from '../../db/database.ts';
import type { CryptoProfile, KeyRing } from '../crypto/index.ts';
import { type SealedArchive, type SnapshotFacts, sealArchive } from './backup-archive.ts';
import { chooseCipherSuite } from './backup-cipher.ts';
import { BackupError } from './backup-error.ts';
import { removeSqliteFiles } from './durable-files.ts';
import { dumpPostgresSnapshot } from './postgres-snapshot.ts';
import { copySqliteSnapshot, inspectSqliteFile } from './sqlite-snapshot.ts';

export interface BackupRequest {
  source: DatabaseTarget;
  /** The archive to write; its directory is created (mode 700) when missing. It must not exist yet. */
  file: string;
  keys: KeyRing;
  profile: CryptoProfile;
  /** When the backup was made, as the header records it. */
  now: Date;
  /** SQLite pages per event-loop turn (tests make it small, so a writer in the same process interleaves). */
  sqlitePagesPerStep?: number;
}

export interface BackupReport extends SealedArchive {
  file: string;
  seconds: number;
}

async function snapshotSqlite(path: string, plainFile: string, request: BackupRequest): Promise<SnapshotFacts> {
  await copySqliteSnapshot(path, plainFile, request.sqlitePagesPerStep);
  const copy = inspectSqliteFile(plainFile);
  if (copy.problems.length > 0) {
    throw new BackupError(`the copy of ${path} fails its integrity check:\n${copy.problems.join('\n')}`);
  }
  return {
    dialect: 'sqlite',
    createdAt: request.now.toISOString(),
    migrations: copy.migrations,
    tables: copy.tables,
    source: `SQLite ${copy.sqliteVersion} online backup`,
  };
}

async function snapshotPostgres(url: string, plainFile: string, request: BackupRequest): Promise<SnapshotFacts> {
  const dump = await dumpPostgresSnapshot(url, plainFile);
  return { dialect: 'postgres', createdAt: request.now.toISOString(), ...dump };
}

/**
 * `linli backup` (REL-4, REL-5, SEC-26): a consistent snapshot of the live database — SQLite's online backup API,
 * checked with `integrity_check`, or `pg_dump -Fc` — sealed into an encrypted, checksummed archive. The plaintext
 * snapshot exists only as a mode-600 file next to the archive while the archive is written.
 */
export async function writeBackup(request: BackupRequest): Promise<BackupReport> {
  const started = performance.now();
  if (existsSync(request.file)) throw new BackupError(`${request.file} exists already; a backup never overwrites`);
  await mkdir(dirname(request.file), { recursive: true, mode: 0o700 });
  const plainFile = `${request.file}.snapshot-${randomBytes(4).toString('hex')}`;
  try {
    const { source } = request;
    const facts =
      source.dialect === 'sqlite'
        ? await snapshotSqlite(source.path, plainFile, request)
        : await snapshotPostgres(source.url, plainFile, request);
    const sealed = await sealArchive(plainFile, request.file, facts, request.keys, chooseCipherSuite(request.profile));
    return { ...sealed, file: request.file, seconds: (performance.now() - started) / 1000 };
  } finally {
    await removeSqliteFiles(plainFile);
  }
}
