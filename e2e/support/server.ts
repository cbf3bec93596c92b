import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@linli/contracts';
import { TOTP } from 'otpauth';
import pg from 'pg';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const LINLI_BIN = join(repoRoot, 'apps/server/bin/linli.mjs');

/** One line of `demo-accounts.txt`: `role<TAB>username<TAB>password<TAB>totp-secret` (`-` without TOTP). */
export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
  totpSecret: string | null;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  baseUrl: string;
  dataDir: string;
  dialect: 'sqlite' | 'postgres';
  accounts: DemoAccount[];
  /** The demo account holding `role`; throws when the seeder made none. */
  account(role: Role): DemoAccount;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * The PostgreSQL pass (`LINLI_TEST_DB=postgres`) runs each server on a fresh database created on the server at
 * `LINLI_E2E_PG_URL`, or `LINLI_TEST_PG_URL` when that is not set; undefined means SQLite.
 */
function postgresServerUrl(): string | undefined {
  if (process.env.LINLI_TEST_DB !== 'postgres') return undefined;
  const url = process.env.LINLI_E2E_PG_URL || process.env.LINLI_TEST_PG_URL;
  if (!url) throw new Error('LINLI_TEST_DB=postgres needs LINLI_E2E_PG_URL or LINLI_TEST_PG_URL');
  return url;
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function parseDemoAccounts(text: string): DemoAccount[] {
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [role, username, password, secret] = line.split('\t');
      if (!role || !username || !password || secret === undefined) {
        throw new Error(`malformed demo-accounts.txt line: ${JSON.stringify(line)}`);
      }
      return { role: role as Role, username, password, totpSecret: secret === '-' ? null : secret };
    });
}

/** The TOTP code the authenticator app would show now (SHA1, 6 digits, 30 s: what the server enrols). */
export function totpCode(secret: string, at: number = Date.now()): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

/**
 * A code that stays valid long enough to be typed and submitted: when fewer than `marginMs` remain in the current
 * 30-second step, wait for the next one. Codes are single-use, so never reuse one for the same account.
 */
export async function freshTotpCode(secret: string, marginMs = 5_000): Promise<string> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 250));
  return totpCode(secret);
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not healthy after ${timeoutMs} ms (${lastError}):\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

/**
 * Starts the real server (`linli serve`, as `npm start` does) on a free port with a fresh data directory, waits
 * for `/healthz`, and reads the demo accounts the seeder wrote. `stop()` ends the process, waits for it to exit,
 * and removes the data directory (and the PostgreSQL database).
 */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const pgServer = postgresServerUrl();
  let databaseUrl: string | undefined;
  let databaseName: string | undefined;
  if (pgServer) {
    databaseName = `linli_e2e_${randomBytes(5).toString('hex')}`;
    await adminQuery(pgServer, `CREATE DATABASE ${databaseName}`);
    const url = new URL(pgServer);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  }

  // The parent's database and key settings must not leak into the test server.
  const { DATABASE_URL: _db, LINLI_MASTER_KEY: _key, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'development',
    LINLI_HOST: '127.0.0.1',
    LINLI_PORT: String(port),
    LINLI_DATA_DIR: dataDir,
    LINLI_DEMO: 'true',
    LINLI_LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  };

  let log = '';
  const child = spawn(process.execPath, [LINLI_BIN, 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const output = () => log;

  const cleanUp = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    if (pgServer && databaseName) await adminQuery(pgServer, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  };

  try {
    await waitForHealth(baseUrl, child, output, 120_000);
    const accounts = parseDemoAccounts(readFileSync(join(dataDir, 'demo-accounts.txt'), 'utf8'));
    return {
      baseUrl,
      dataDir,
      dialect: pgServer ? 'postgres' : 'sqlite',
      accounts,
      account(role) {
        const found = accounts.find((a) => a.role === role);
        if (!found) throw new Error(`no demo account with role ${role} in ${join(dataDir, 'demo-accounts.txt')}`);
        return found;
      },
      output,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
