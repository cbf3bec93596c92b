import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuTicks, startBaseline } from './servers.ts';

let busy: ChildProcess | null = null;

afterEach(() => {
  busy?.kill();
  busy = null;
});

describe('the child processes', () => {
  it('counts the CPU time a process burns, and nothing once it is gone', async () => {
    busy = spawn(process.execPath, ['-e', 'const end = Date.now() + 1500; while (Date.now() < end);'], {
      stdio: 'ignore',
    });
    const pid = busy.pid ?? 0;
    await new Promise((r) => setTimeout(r, 1000));
    expect(cpuTicks(pid)).toBeGreaterThan(10);
    await once(busy, 'exit');
    expect(cpuTicks(pid)).toBeNull();
  });

  it('waits for a server that is still busy to go quiet before the next scenario', async () => {
    const baseline = await startBaseline();
    try {
      expect(await baseline.settle(30)).toBeLessThan(4);
      // Keep the baseline busy for three seconds: as many requests as 16 connections can make it answer.
      const load = autocannon({ url: `${baseline.baseUrl}/echo`, connections: 16, duration: 3, method: 'POST' });
      await new Promise((r) => setTimeout(r, 500));
      const waited = await baseline.settle(30);
      await load;
      expect(waited).toBeGreaterThanOrEqual(3);
    } finally {
      await baseline.stop();
    }
  });
});
