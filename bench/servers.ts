import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../apps/server/test/reliability/process-server.ts';
import { type Dataset, linliEnv } from './dataset.ts';
import { type MemoryProbe, memoryProbe } from './memory.ts';
import { LINLI_BIN, REPO_ROOT } from './paths.ts';

export interface RunningChild {
  name: string;
  pid: number;
  /**
   * Waits until the process has used under a quarter of a core for two seconds in a row (at most `maxSeconds`) and
   * returns the seconds waited: requests a load run gave up on (timeouts) still run on the server, and the next
   * scenario must not pay for them.
   */
  settle(maxSeconds: number): Promise<number>;
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

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
/**
 * Quiet is under a quarter of a core: a backlog of queries keeps Linli near a whole one, while an idle Linli
 * under `--cpu-prof` still spends about a tenth on the profiler's sampling.
 */
const QUIET_SHARE = 0.25;

/** User plus system CPU time of a process in clock ticks; null once it is gone. */
export function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which sits in parentheses and may hold spaces: utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

async function settleProcess(pid: number, maxSeconds: number): Promise<number> {
  const started = performance.now();
  let quietSeconds = 0;
  let last = cpuTicks(pid);
  while (last !== null && quietSeconds < 2 && performance.now() - started < maxSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuTicks(pid);
    quietSeconds = now !== null && now - last <= TICKS_PER_SECOND * QUIET_SHARE ? quietSeconds + 1 : 0;
    last = now;
  }
  return Math.round((performance.now() - started) / 100) / 10;
}

/** SIGTERM (Linli drains and closes its database), SIGKILL after `graceMs`. */
async function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(killer);
}

/** Every child still running, so an interrupted bench stops even one that is still starting. */
const live = new Set<ChildProcess>();

/** Stops every child this process started and has not stopped yet. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((child) => stopChild(child)));
}

async function startChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  stopGraceMs = 20_000,
): Promise<RunningChild> {
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
    settle: (maxSeconds) => settleProcess(pid, maxSeconds),
    stop: async () => {
      memory.stop();
      await stopChild(child, stopGraceMs);
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
  // The profile is written as node exits, after whatever query is still running: give it time rather than SIGKILL.
  const stopGraceMs = cpuProfileDir ? 600_000 : 20_000;
  return startChild('Linli', [...profiling, LINLI_BIN, 'serve'], env, port, stopGraceMs);
}
