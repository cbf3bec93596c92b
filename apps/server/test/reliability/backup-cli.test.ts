import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { TEST_MASTER_KEY } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { buildCrashFixture } from './crash-fixture.ts';
import { withPlatform } from './process-database.ts';

/**
 * The commands as an operator runs them: `linli backup` and `linli restore` in child processes, through
 * bin/linli.mjs and main.ts's dispatch, on SQLite files — exit codes, what they print, and the files they leave.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const LINLI = join(REPO_ROOT, 'apps/server/bin/linli.mjs');
/** tsx compiles the CLI on each start; on the shared 2-core machine that takes several seconds. */
const COMMAND_TIMEOUT_MS = 90_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function linli(args: string[], env: { dataDir: string; masterKey?: string }): Promise<Run> {
  // The parent's own database settings must not leak into the command.
  const { DATABASE_URL: _url, LINLI_DATA_DIR: _dir, LINLI_MASTER_KEY: _key, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [LINLI, ...args],
      {
        cwd: REPO_ROOT,
        timeout: COMMAND_TIMEOUT_MS,
        env: {
          ...inherited,
          NODE_ENV: 'test',
          LINLI_LOG_LEVEL: 'silent',
          LINLI_DATA_DIR: env.dataDir,
          LINLI_MASTER_KEY: env.masterKey ?? TEST_MASTER_KEY,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function countUsers(path: string): Promise<number> {
  const database = await openDatabase({ dialect: 'sqlite', path });
  try {
    const row = await database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n);
  } finally {
    await database.close();
  }
}

describe.runIf(testDialect() === 'sqlite')('linli backup and linli restore, run as commands', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-cli-'));
    dirs.push(dir);
    return dir;
  };
  let source: string;

  beforeAll(async () => {
    source = newDir();
    await withPlatform({ dialect: 'sqlite', path: join(source, 'linli.db') }, buildCrashFixture);
  }, 60_000);
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'backs up with retention, restores into an empty installation, and refuses a wrong key or a target holding data with exit 1',
    async () => {
      const backups = join(source, 'backups');
      mkdirSync(backups);
      const older = join(backups, 'linli-sqlite-20200101T000000000Z.lbk');
      writeFileSync(older, 'an older nightly backup');

      const backup = await linli(['backup', '--keep', '1'], { dataDir: source });
      expect(backup, backup.stderr).toMatchObject({ code: 0 });
      const file = /^backup written: (\S+)$/m.exec(backup.stdout)?.[1] ?? '';
      expect(readdirSync(backups)).toEqual([file.slice(backups.length + 1)]);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(backup.stdout).toContain(`sha256    ${sha256(file)}`);
      expect(backup.stdout).toMatch(/deleted 1\n {2}linli-sqlite-20200101T000000000Z\.lbk/);
      expect(existsSync(older)).toBe(false);

      const fresh = newDir();
      const restore = await linli(['restore', file], { dataDir: fresh });
      expect(restore, restore.stderr).toMatchObject({ code: 0 });
      expect(restore.stdout).toContain('integrity_check ok');
      expect(restore.stdout).toMatch(/audit log ok: [1-9]\d* entries, chain intact/);
      expect(await countUsers(join(fresh, 'linli.db'))).toBe(await countUsers(join(source, 'linli.db')));

      const elsewhere = newDir();
      const [wrongKey, again] = await Promise.all([
        linli(['restore', file], { dataDir: elsewhere, masterKey: 'b2'.repeat(32) }),
        linli(['restore', file], { dataDir: fresh }),
      ]);
      expect(wrongKey).toMatchObject({ code: 1 });
      expect(wrongKey.stderr).toContain('sealed with a different master key');
      expect(existsSync(join(elsewhere, 'linli.db'))).toBe(false);
      expect(again).toMatchObject({ code: 1 });
      expect(again.stderr).toContain('already holds data');
    },
    4 * COMMAND_TIMEOUT_MS,
  );
});
