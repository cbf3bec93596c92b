import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const LINLI_BIN = fileURLToPath(new URL('../../bin/linli.mjs', import.meta.url));
/** Starting means compiling the whole server with tsx and migrating: tens of seconds on a busy 2-core machine. */
const START_TIMEOUT_MS = 120_000;

/** A loopback port nobody listens on right now (the OS picks it); the benchmark's servers use it too. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A real `linli serve` in a child process, as `npm start` runs it. */
export interface LinliServer {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  port: number;
  /** Everything it printed (its JSON log lines and the banner), for assertions and failure messages. */
  output(): string;
  /** Resolves once a line of its output matches; rejects on exit or after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  signal(signal: NodeJS.Signals): void;
  exited: Promise<ProcessExit>;
  /** SIGTERM, then SIGKILL if it has not exited 15 s later; resolves with how it ended. */
  stop(): Promise<ProcessExit>;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitForOutput(child: ChildProcess, output: () => string, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (pattern.test(output())) done();
    };
    const onExit = () => done(new Error(`linli serve exited before printing ${pattern}:\n${output()}`));
    const timer = setTimeout(() => done(new Error(`linli serve never printed ${pattern}:\n${output()}`)), timeoutMs);
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`linli serve exited before it was healthy:\n${output()}`);
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`linli serve was not healthy after ${START_TIMEOUT_MS} ms:\n${output()}`);
}

/**
 * Starts `node apps/server/bin/linli.mjs serve` on a free port with `env` (the database and key from
 * process-database.ts), without the demo county, logging at info so tests can follow requests and jobs; resolves
 * once `/healthz` answers.
 */
export async function startLinli(env: Record<string, string>): Promise<LinliServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The parent's database and key settings must not leak into the server.
  const { DATABASE_URL: _url, LINLI_DATA_DIR: _dir, LINLI_MASTER_KEY: _key, ...inherited } = process.env;
  const child = spawn(process.execPath, [LINLI_BIN, 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'development',
      LINLI_HOST: '127.0.0.1',
      LINLI_PORT: String(port),
      LINLI_DEMO: 'false',
      LINLI_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  const output = () => log;
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const stop = async () => {
    if (!hasExited(child)) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const how = await exited;
    clearTimeout(killer);
    return how;
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    port,
    output,
    waitForOutput: (pattern, timeoutMs = 30_000) => waitForOutput(child, output, pattern, timeoutMs),
    signal: (signal) => child.kill(signal),
    exited,
    stop,
  };
}
