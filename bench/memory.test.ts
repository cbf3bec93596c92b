import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryProbe } from './memory.ts';

const MB = 1024 * 1024;

/**
 * A real process that, on each line read, allocates and touches 200 MB for half a second and then frees it
 * (a Buffer this large is its own mapping, so freeing it returns it to the kernel and RSS drops again).
 */
const SCRIPT = `
process.stdin.on('data', async () => {
  let block = Buffer.alloc(200 * 1024 * 1024, 1);
  await new Promise((r) => setTimeout(r, 500));
  block = null;
  global.gc();
  await new Promise((r) => setTimeout(r, 100));
  process.stdout.write('freed\\n');
});
process.stdout.write('ready\\n');
`;

let child: ChildProcess | null = null;

async function startChild(): Promise<ChildProcess> {
  const started = spawn(process.execPath, ['--expose-gc', '-e', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  await once(started.stdout as NodeJS.ReadableStream, 'data');
  child = started;
  return started;
}

async function allocateAndFree(allocator: ChildProcess): Promise<void> {
  allocator.stdin?.write('go\n');
  await once(allocator.stdout as NodeJS.ReadableStream, 'data');
}

afterEach(() => {
  child?.kill();
  child = null;
});

describe('the memory probe', () => {
  it('reports the peak of a spike that is already over, and a reset starts a new peak', async () => {
    const allocator = await startChild();
    const probe = memoryProbe(allocator.pid ?? 0);
    probe.reset();
    const before = probe.currentBytes();
    await allocateAndFree(allocator);
    const peak = probe.peakBytes();
    expect(peak - before).toBeGreaterThan(190 * MB);
    expect(probe.currentBytes()).toBeLessThan(peak - 150 * MB);
    probe.reset();
    expect(probe.peakBytes()).toBeLessThan(peak - 150 * MB);
    probe.stop();
  });
});
