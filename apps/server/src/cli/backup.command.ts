import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { type DatabaseTarget, openDatabase } from '../db/database.ts';
import { describeDatabase } from '../db/open-configured.ts';
import { verifyAuditChain } from '../platform/audit/index.ts';
import {
  BackupError,
  defaultBackupFile,
  pruneBackups,
  restoreBackup,
  totalRows,
  writeBackup,
} from '../platform/backup/index.ts';
import { createKeyRing, type KeyRing, loadMasterKey, macAlgorithm } from '../platform/crypto/index.ts';

const BACKUP_USAGE = 'usage: linli backup [<file>] [--keep N]';
const RESTORE_USAGE = 'usage: linli restore <file> [--force]';

const configuredTarget = (config: Config): DatabaseTarget =>
  config.databaseUrl
    ? { dialect: 'postgres', url: config.databaseUrl }
    : { dialect: 'sqlite', path: config.sqlitePath };

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);

/** A BackupError is the operator's to fix: its message, exit 1. Anything else is a bug and goes up with its stack. */
async function reportingBackupErrors(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

interface BackupArgs {
  file: string | undefined;
  keep: number | undefined;
}

function parseBackupArgs(args: string[]): BackupArgs | null {
  const parsed: BackupArgs = { file: undefined, keep: undefined };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--keep') {
      const keep = Number(args[i + 1]);
      if (!Number.isInteger(keep) || keep < 1) return null;
      parsed.keep = keep;
      i += 1;
    } else if (arg.startsWith('-') || parsed.file !== undefined) {
      return null;
    } else {
      parsed.file = resolve(arg);
    }
  }
  return parsed;
}

/**
 * `linli backup [<file>] [--keep N]` (REL-4, REL-5, SEC-26): an encrypted, checksummed snapshot of the configured
 * database, taken while the server runs; by default into `$LINLI_DATA_DIR/backups/`. `--keep N` then deletes that
 * folder's older archives beyond the newest N.
 */
export async function runBackup(config: Config, args: string[]): Promise<number> {
  const parsed = parseBackupArgs(args);
  if (!parsed) {
    process.stderr.write(`${BACKUP_USAGE}\n`);
    return 2;
  }
  return reportingBackupErrors(async () => {
    const source = configuredTarget(config);
    const keys = createKeyRing(loadMasterKey(config.dataDir, config.masterKeyHex));
    const now = new Date();
    const file = parsed.file ?? defaultBackupFile(config.dataDir, source.dialect, now);
    const report = await writeBackup({ source, file, keys, profile: config.cryptoProfile, now });
    const { header } = report;
    print([
      `backup written: ${report.file}`,
      `  database  ${describeDatabase(config)}: ${header.migrations.length} migrations, ` +
        `${Object.keys(header.tables).length} tables, ${totalRows(header.tables)} rows`,
      `  size      ${megabytes(report.bytes)} (${report.bytes} bytes)`,
      `  sha256    ${report.sha256}`,
      `  cipher    ${header.cipher}, master key id ${header.keyId}`,
      `  took      ${report.seconds.toFixed(1)} s`,
    ]);
    if (parsed.keep !== undefined) {
      const deleted = pruneBackups(dirname(report.file), source.dialect, parsed.keep);
      print([
        `retention: kept the newest ${parsed.keep}; deleted ${deleted.length}${deleted.map((n) => `\n  ${n}`).join('')}`,
      ]);
    }
    return 0;
  });
}

/** Restore needs the key that sealed the backup; generating a fresh one here would only hide that it is missing. */
function existingKeys(config: Config): KeyRing {
  if (!config.masterKeyHex && !existsSync(join(config.dataDir, 'master.key'))) {
    throw new BackupError(
      `no master key: LINLI_MASTER_KEY is not set and ${join(config.dataDir, 'master.key')} does not exist. A backup ` +
        'opens only with the master key of the installation that made it.',
    );
  }
  return createKeyRing(loadMasterKey(config.dataDir, config.masterKeyHex));
}

/** SEC-16 on the restored data: the chain must verify with this installation's key. */
async function verifyRestoredAudit(config: Config, target: DatabaseTarget, keys: KeyRing): Promise<boolean> {
  const database = await openDatabase(target);
  try {
    const result = await verifyAuditChain(database.db, keys, macAlgorithm(config.cryptoProfile));
    print([
      result.ok
        ? `  audit log ok: ${result.checked} entries, chain intact`
        : `  audit log BROKEN at seq ${result.firstBrokenSeq} (${result.checked} entries before it verified)`,
    ]);
    return result.ok;
  } finally {
    await database.close();
  }
}

/**
 * `linli restore <file> [--force]` (REL-4, REL-5): verifies and decrypts the archive and loads it into the
 * configured database — only an empty one unless `--force` — then checks it (integrity, row counts, migration
 * level, audit chain). Stop the server first.
 */
export async function runRestore(config: Config, args: string[]): Promise<number> {
  const force = args.includes('--force');
  const rest = args.filter((arg) => arg !== '--force');
  const [file] = rest;
  if (rest.length !== 1 || !file || file.startsWith('-')) {
    process.stderr.write(`${RESTORE_USAGE}\n`);
    return 2;
  }
  return reportingBackupErrors(async () => {
    const keys = existingKeys(config);
    const target = configuredTarget(config);
    const report = await restoreBackup({ file: resolve(file), target, keys, force, workDir: config.dataDir });
    const { header } = report;
    const pending = report.pendingMigrations;
    print([
      `restored ${basename(file)} (${header.dialect}, made ${header.createdAt}) into ${describeDatabase(config)}`,
      `  ${Object.keys(header.tables).length} tables, ${totalRows(header.tables)} rows: ` +
        `${header.dialect === 'sqlite' ? 'integrity_check ok' : 'pg_restore done in one transaction'}, ` +
        "every table's row count matches the backup",
      ...(report.replacedData ? ['  the data the database held before was replaced (--force)'] : []),
      pending.length === 0
        ? '  migrations: up to date'
        : `  migrations: ${pending.length} newer than the backup (${pending.join(', ')}); linli serve applies them`,
    ]);
    return (await verifyRestoredAudit(config, target, keys)) ? 0 : 1;
  });
}
