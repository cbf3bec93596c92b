import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type Database, type DatabaseTarget, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { verifyAuditChain } from '../../src/platform/audit/index.ts';
import { type BackupReport, type RestoreReport, restoreBackup, writeBackup } from '../../src/platform/backup/index.ts';
import { createKeyRing, type KeyRing } from '../../src/platform/crypto/index.ts';
import { TEST_PASSWORD } from '../factories.ts';
import { TEST_MASTER_KEY, testConfig } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { type BackupKit, postgresKit, sqliteKit } from './backup-kits.ts';
import { type LiveWriter, startLiveWriter } from './backup-live-writer.ts';
import { lostOrChangedRows, type RowDigest, readRowDigest, rowCount } from './backup-row-digest.ts';
import { AckBook } from './crash-acks.ts';
import { afterCrashProblems } from './crash-checks.ts';
import { buildCrashFixture, type CrashFixture } from './crash-fixture.ts';

/**
 * REL-4, REL-5, SEC-26: `linli backup` while a writer files 民情 cases through the intake service for the whole
 * test, then `linli restore` into another database. "Present at backup start" is the row set read in one snapshot
 * just before the backup is called: every one of those rows must come back with the same content. The writer keeps
 * committing during the backup, so the backup holds more than the mark — and, being one snapshot, exactly a prefix
 * of the writer's commits.
 */

const keys = createKeyRing(Buffer.from(TEST_MASTER_KEY, 'hex'));
const otherKeys = createKeyRing(Buffer.alloc(32, 7));

/**
 * Filing a case rewrites two kinds of row that already exist: the day's case counter and the 民情 tally. Rows of
 * these tables must survive; their values are checked against the cases instead (numbers issued, tally = counts).
 */
const UPDATED_BY_WRITER = new Set(['civic_case_counter', 'civic_case_tally']);

/** The SQLite copy takes this many pages per event-loop turn, so the writer commits between its steps. */
const SMALL_STEP_PAGES = 8;

interface Source {
  database: Database;
  app: FastifyInstance;
  fixture: CrashFixture;
  writer: LiveWriter;
}

async function openSource(kit: BackupKit): Promise<Source> {
  const database = await openDatabase(kit.source);
  await migrateToLatest(database);
  const app = await buildApp({ config: testConfig({ LINLI_DATA_DIR: kit.dataDir }), database, logger: false });
  const fixture = await buildCrashFixture(app.platform);
  return { database, app, fixture, writer: await startLiveWriter(app.platform, fixture) };
}

const caseIds = (digest: RowDigest): string[] =>
  [...(digest.get('civic_case')?.keys() ?? [])].map((key) => (JSON.parse(key) as string[])[0] as string);

/** Signs a resident in with their password and reads their cases: the app runs on the restored data. */
async function signInAndReadCases(database: Database, dataDir: string, username: string) {
  const app = await buildApp({ config: testConfig({ LINLI_DATA_DIR: dataDir }), database, logger: false });
  try {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const cases = await app.inject({ method: 'GET', url: '/api/v1/me/civic-cases', headers: { cookie } });
    return { health: health.statusCode, login: login.statusCode, cases };
  } finally {
    await app.close();
  }
}

/**
 * Problems of the restored database: its own integrity checks, rows of the mark lost or changed, and everything
 * REL-3 demands of the data after a crash (case invariants, case numbers, the 民情 tally, the audit chain).
 */
async function restoredProblems(kit: BackupKit, restored: Database, mark: RowDigest, after: RowDigest) {
  return [
    ...(await kit.integrityProblems(restored.db)),
    ...lostOrChangedRows(mark, after, UPDATED_BY_WRITER),
    ...(await afterCrashProblems(restored.db, kit.dialect, keys, new AckBook())),
  ];
}

function backupSuite(makeKit: () => Promise<BackupKit>) {
  let kit: BackupKit;
  let source: Source;
  let mark: RowDigest;
  let backup: BackupReport;
  let committedDuringBackup: number;
  let restoredTarget: DatabaseTarget;
  let firstRestore: RestoreReport;

  const restore = (target: DatabaseTarget, options: { force?: boolean; file?: string; withKeys?: KeyRing } = {}) =>
    restoreBackup({
      file: options.file ?? backup.file,
      target,
      keys: options.withKeys ?? keys,
      force: options.force ?? false,
      workDir: kit.dataDir,
    });

  /** The scenario: a live writer, the mark, the backup, and a restore into a new database — the writer never stops. */
  beforeAll(async () => {
    kit = await makeKit();
    source = await openSource(kit);
    await source.writer.reach(5);
    mark = await readRowDigest(source.database.db, kit.dialect);
    const before = source.writer.committed.length;
    backup = await writeBackup({
      source: kit.source,
      file: join(kit.dataDir, 'backups', 'under-load.lbk'),
      keys,
      profile: 'aes',
      now: new Date(),
      sqlitePagesPerStep: SMALL_STEP_PAGES,
    });
    committedDuringBackup = source.writer.committed.length - before;
    restoredTarget = await kit.newTarget({ migrated: false });
    firstRestore = await restore(restoredTarget);
  }, 120_000);

  afterAll(async () => {
    await source?.writer.stop();
    await source?.app.close();
    await source?.database.close();
    await kit?.cleanup();
  });

  it('seals a snapshot taken while the writer kept committing: encrypted, mode 600, described in its header', () => {
    expect(committedDuringBackup).toBeGreaterThan(0);
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    expect(backup.header).toMatchObject({ dialect: kit.dialect, cipher: 'aes-256-gcm' });
    expect(backup.header.migrations).toEqual(Object.keys(MIGRATIONS));
    expect(backup.header.tables.civic_case).toBeGreaterThanOrEqual(caseIds(mark).length);
    // The cases' titles are in the database in clear text; the archive shows none of them.
    expect(readFileSync(backup.file).includes(Buffer.from('备份期间的报事'))).toBe(false);
  });

  it('restores every row present at backup start with the same content, into a database the app runs on', async () => {
    expect(firstRestore).toMatchObject({ replacedData: false, pendingMigrations: [] });
    const restored = await openDatabase(restoredTarget);
    try {
      const after = await readRowDigest(restored.db, kit.dialect);
      expect(await restoredProblems(kit, restored, mark, after)).toEqual([]);
      // One snapshot: the restored cases are exactly the writer's first n commits, n at least the mark's.
      const restoredCases = caseIds(after);
      expect(restoredCases.length).toBeGreaterThanOrEqual(caseIds(mark).length);
      expect(new Set(restoredCases)).toEqual(new Set(source.writer.committed.slice(0, restoredCases.length)));
      const audit = await verifyAuditChain(restored.db, keys, 'sha256');
      expect(audit).toMatchObject({ ok: true });
      expect(audit.checked).toBeGreaterThanOrEqual(mark.get('audit_log')?.size ?? 0);
      console.info(
        `backup under load (${kit.dialect}): ${rowCount(mark)} rows at the mark; ${committedDuringBackup} cases ` +
          `committed during the ${backup.seconds.toFixed(1)} s backup; ${restoredCases.length} of ` +
          `${source.writer.committed.length} cases in the restored copy`,
      );

      const resident = await restored.db
        .selectFrom('app_user')
        .select('username')
        .where('id', '=', source.fixture.residents[0] as string)
        .executeTakeFirstOrThrow();
      const booted = await signInAndReadCases(restored, kit.dataDir, String(resident.username));
      expect(booted).toMatchObject({ health: 200, login: 200 });
      expect(booted.cases.statusCode).toBe(200);
      expect((booted.cases.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }
  });

  it('refuses a copy with one byte flipped, and a master key other than the one that sealed it', async () => {
    const target = await kit.newTarget({ migrated: false });
    const tampered = join(kit.dataDir, 'tampered.lbk');
    copyFileSync(backup.file, tampered);
    const bytes = readFileSync(tampered);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0x01;
    writeFileSync(tampered, bytes);
    await expect(restore(target, { file: tampered })).rejects.toThrow(/damaged or was altered/);
    await expect(restore(target, { withKeys: otherKeys })).rejects.toThrow(/different master key/);
    expect(await kit.isUntouched(target)).toBe(true);
  });

  it('replaces a database that holds data only with --force', async () => {
    await expect(restore(restoredTarget)).rejects.toThrow(/already holds data/);
    expect(await restore(restoredTarget, { force: true })).toMatchObject({ replacedData: true });
  });

  // The rule is the same on both databases; SQLite checks it without another migrate and pg_restore on PostgreSQL
  // (some ten seconds of DDL on the shared machine).
  it.runIf(testDialect() === 'sqlite')('counts a migrated database without a county as empty', async () => {
    const target = await kit.newTarget({ migrated: true });
    expect(await restore(target)).toMatchObject({ replacedData: false });
  });

  it.runIf(testDialect() === 'sqlite')(
    'refuses to replace a database a server has open, even with --force',
    async () => {
      await expect(restore(kit.source, { force: true })).rejects.toThrow(/in use/);
    },
  );
}

describe.runIf(testDialect() === 'sqlite')('REL-4 backup and restore on SQLite under a live writer', () => {
  backupSuite(async () => sqliteKit());
});

describe.runIf(testDialect() === 'postgres')('REL-5 backup and restore on PostgreSQL under a live writer', () => {
  backupSuite(() => postgresKit(process.env.LINLI_TEST_PG_URL ?? ''));
});
