import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Dataset, linliEnv } from './dataset.ts';
import { type MemoryProbe, memoryProbe } from './memory.ts';
import { LINLI_BIN, REPO_ROOT } from './paths.ts';

export interface RunningChild {
  name: string;
  pid: number;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  memory: MemoryProbe;
  /** The last 64 KB the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const OUTPUT_KEPT = 64 * 1024;
/** Linli migrates and may backfill on start; on the county dataset that can take a while. */
const START_TIMEOUT_MS = 300_000;

/** A loopback port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
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

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`it was not healthy after ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** SIGTERM (Linli drains and closes its database), SIGKILL after 20 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

/** Every child still running, so an interrupted bench stops even one that is still starting. */
const live = new Set<ChildProcess>();

/** Stops every child this process started and has not stopped yet. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map(stopChild));
}

async function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<RunningChild> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => log;
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name} has no pid`);
  const memory = memoryProbe(pid);
  return {
    name,
    pid,
    baseUrl,
    memory,
    output,
    stop: async () => {
      memory.stop();
      await stopChild(child);
    },
  };
}

/** The bare Fastify baseline (bench/baseline-server.ts) on a free port. */
export async function startBaseline(): Promise<RunningChild> {
  const port = await freePort();
  const { NODE_OPTIONS: _node, ...inherited } = process.env;
  return startChild(
    'baseline',
    ['--import', 'tsx', join(REPO_ROOT, 'bench/baseline-server.ts')],
    { ...inherited, BENCH_BASELINE_PORT: String(port) },
    port,
  );
}

/**
 * `linli serve` on the dataset, on a free port, with the default environment: NODE_ENV=production would demand
 * TLS (SEC-5), which a loopback benchmark does not have, and the SMS codes residents sign in with are only
 * echoed outside production. LINLI_DEMO=false: the dataset is already there. With `cpuProfileDir`, node runs with
 * `--cpu-prof` (a flag node refuses in NODE_OPTIONS) and writes a .cpuprofile there when Linli exits.
 */
export async function startLinli(dataset: Dataset, cpuProfileDir: string | null): Promise<RunningChild> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...linliEnv(dataset),
    LINLI_PORT: String(port),
    LINLI_HOST: '127.0.0.1',
    LINLI_DEMO: 'false',
  };
  const profiling = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  return startChild('Linli', [...profiling, LINLI_BIN, 'serve'], env, port);
}
