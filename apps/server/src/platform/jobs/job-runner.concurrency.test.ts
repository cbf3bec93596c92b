import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { enqueueJob } from './job.repository.ts';
import { startJobRunner } from './job-runner.ts';
import { pause, secondProcess } from './job-test-kit.ts';
import type { JobHandlers } from './job-types.ts';

describe('job runner loop', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.platform.db.deleteFrom('job').execute();
  });
  afterAll(() => t.close());

  async function waitUntilSettled(count: number): Promise<void> {
    for (let i = 0; i < 500; i += 1) {
      const open = await t.platform.db
        .selectFrom('job')
        .select('id')
        .where('status', 'in', ['queued', 'running'])
        .execute();
      const all = await t.platform.db.selectFrom('job').select('id').execute();
      if (open.length === 0 && all.length >= count) return;
      await pause(10);
    }
    throw new Error('jobs did not settle');
  }

  it('runs each of 20 jobs exactly once with two runners on separate connections', async () => {
    const other = await secondProcess(t.platform);
    const runsById = new Map<string, string[]>();
    const handlers = (worker: string): JobHandlers => ({
      'test.count': {
        async run(_ctx, job) {
          runsById.set(job.id, [...(runsById.get(job.id) ?? []), worker]);
          await pause(3);
        },
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1)
      ids.push((await enqueueJob(t.platform.db, { kind: 'test.count', payload: i }, t.clock)).id);

    const a = startJobRunner(t.platform, handlers('a'), { pollMs: 5, workerId: 'runner-a' });
    const b = startJobRunner(other.platform, handlers('b'), { pollMs: 5, workerId: 'runner-b' });
    try {
      await waitUntilSettled(20);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await other.close();
    }
    expect([...runsById.keys()].sort()).toEqual([...ids].sort());
    for (const workers of runsById.values()) expect(workers).toHaveLength(1);
    // On PostgreSQL the two really ran side by side (each took some); SQLite has one writer, so no claim there.
    if (t.platform.dialect === 'postgres') expect(new Set([...runsById.values()].flat()).size).toBe(2);
    const rows = await t.platform.db.selectFrom('job').select(['status', 'attempts']).execute();
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('waits for the job in hand when stopped, and claims nothing after', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const handlers: JobHandlers = {
      'test.slow': {
        async run() {
          started += 1;
          await gate;
        },
      },
    };
    const first = await enqueueJob(t.platform.db, { kind: 'test.slow' }, t.clock);
    const runner = startJobRunner(t.platform, handlers, { pollMs: 5, workerId: 'stopper' });
    while (started === 0) await pause(5);
    await enqueueJob(t.platform.db, { kind: 'test.slow' }, t.clock);

    let stopped = false;
    const stopping = runner.stop().then(() => {
      stopped = true;
    });
    await pause(30);
    expect(stopped).toBe(false);
    release();
    await stopping;

    const rows = await t.platform.db.selectFrom('job').select(['id', 'status']).execute();
    expect(rows.find((r) => r.id === first.id)?.status).toBe('done');
    expect(rows.filter((r) => r.status === 'queued')).toHaveLength(1);
    expect(started).toBe(1);
  });

  it('schedules the recurring kinds it handles when it starts', async () => {
    const handlers: JobHandlers = { 'test.tick': { everyMs: 60_000, async run() {} } };
    const runner = startJobRunner(t.platform, handlers, { pollMs: 5, workerId: 'ticker' });
    try {
      for (let i = 0; i < 500; i += 1) {
        const done = await t.platform.db.selectFrom('job').select('id').where('status', '=', 'done').execute();
        if (done.length > 0) break;
        await pause(10);
      }
    } finally {
      await runner.stop();
    }
    const rows = await t.platform.db.selectFrom('job').select(['kind', 'status', 'run_at']).orderBy('status').execute();
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['test.tick', 'done'],
      ['test.tick', 'queued'],
    ]);
    expect(rows[1]?.run_at).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());
  });
});
