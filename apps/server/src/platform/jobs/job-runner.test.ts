import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { MINUTE_MS } from '../clock.ts';
import { claimNextJob, enqueueJob, markJobDone } from './job.repository.ts';
import { runNextJob } from './job-runner.ts';
import type { JobHandlers, RunningJob } from './job-types.ts';
import { recurringKey, scheduleRecurring } from './recurring.ts';

const OPTIONS = {
  pollMs: 10,
  workerId: 'test-worker',
  backoffBaseMs: 1000,
  backoffMaxMs: 60_000,
  leaseMs: 10 * MINUTE_MS,
};

describe('job runner', () => {
  let t: TestApp;
  let runs: RunningJob[];
  let failuresLeft: number;

  const handlers: JobHandlers = {
    'test.ok': {
      async run(_ctx, job) {
        runs.push(job);
      },
    },
    'test.flaky': {
      async run(_ctx, job) {
        runs.push(job);
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('upstream unavailable');
        }
      },
    },
    'test.recurring': {
      everyMs: 60 * MINUTE_MS,
      async run(_ctx, job) {
        runs.push(job);
        if (failuresLeft > 0) throw new Error('always fails');
      },
    },
  };
  const step = () => runNextJob(t.platform, handlers, OPTIONS);
  const jobRow = (id: string) =>
    t.platform.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    runs = [];
    failuresLeft = 0;
    await t.platform.db.deleteFrom('job').execute();
  });
  afterAll(() => t.close());

  it('runs a due job once with its payload and leaves a job that is not yet due alone', async () => {
    const due = await enqueueJob(t.platform.db, { kind: 'test.ok', payload: { n: 1 } }, t.clock);
    const later = await enqueueJob(
      t.platform.db,
      { kind: 'test.ok', payload: { n: 2 }, runAt: new Date(t.clock.now().getTime() + 5 * MINUTE_MS) },
      t.clock,
    );
    expect(await step()).toBe(true);
    expect(await step()).toBe(false);
    expect(runs.map((r) => r.payload)).toEqual([{ n: 1 }]);
    expect(await jobRow(due.id)).toMatchObject({ status: 'done', attempts: 1, locked_by: null, locked_until: null });
    expect((await jobRow(later.id)).status).toBe('queued');

    t.clock.advance(5 * MINUTE_MS);
    expect(await step()).toBe(true);
    expect(runs.map((r) => r.payload)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('claims only the kinds it has handlers for', async () => {
    const foreign = await enqueueJob(t.platform.db, { kind: 'other.module' }, t.clock);
    expect(await step()).toBe(false);
    expect((await jobRow(foreign.id)).status).toBe('queued');
  });

  it('retries a failing job with exponential backoff, then marks it failed and keeps the last error', async () => {
    failuresLeft = 99;
    const { id } = await enqueueJob(t.platform.db, { kind: 'test.flaky', maxAttempts: 3 }, t.clock);
    const start = t.clock.now().getTime();

    expect(await step()).toBe(true);
    expect(await jobRow(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      run_at: new Date(start + 1000).toISOString(),
      last_error: 'Error: upstream unavailable',
    });
    expect(await step()).toBe(false);

    t.clock.advance(1000);
    expect(await step()).toBe(true);
    expect(await jobRow(id)).toMatchObject({
      status: 'queued',
      attempts: 2,
      run_at: new Date(start + 3000).toISOString(),
    });

    t.clock.advance(1999);
    expect(await step()).toBe(false);
    t.clock.advance(1);
    expect(await step()).toBe(true);
    expect(await jobRow(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'Error: upstream unavailable',
    });

    t.clock.advance(60 * MINUTE_MS);
    expect(await step()).toBe(false);
    expect(runs).toHaveLength(3);
  });

  it('succeeds on a retry and clears the error', async () => {
    failuresLeft = 1;
    const { id } = await enqueueJob(t.platform.db, { kind: 'test.flaky' }, t.clock);
    await step();
    t.clock.advance(1000);
    await step();
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
  });

  it('takes over a job whose worker died once its lease runs out, and the dead worker can no longer settle it', async () => {
    const { id } = await enqueueJob(t.platform.db, { kind: 'test.ok' }, t.clock);
    const now = t.clock.now().toISOString();
    const lease = new Date(t.clock.now().getTime() + OPTIONS.leaseMs).toISOString();
    const claimed = await claimNextJob(t.platform.db, { kinds: ['test.ok'], workerId: 'dead', now, leaseUntil: lease });
    expect(claimed?.id).toBe(id);

    expect(await step()).toBe(false);
    t.clock.advance(OPTIONS.leaseMs);
    expect(await step()).toBe(true);
    expect(runs).toHaveLength(1);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });

    const late = await t.platform.db
      .transaction()
      .execute((trx) => markJobDone(trx, { id, workerId: 'dead', now: t.clock.now().toISOString() }));
    expect(late).toBe(false);
  });

  it('fails a job whose lease ran out on its last attempt without running it again', async () => {
    const { id } = await enqueueJob(t.platform.db, { kind: 'test.ok', maxAttempts: 1 }, t.clock);
    const lease = new Date(t.clock.now().getTime() + OPTIONS.leaseMs).toISOString();
    await claimNextJob(t.platform.db, {
      kinds: ['test.ok'],
      workerId: 'dead',
      now: t.clock.now().toISOString(),
      leaseUntil: lease,
    });
    t.clock.advance(OPTIONS.leaseMs);
    expect(await step()).toBe(true);
    expect(runs).toEqual([]);
    expect(await jobRow(id)).toMatchObject({ status: 'failed', last_error: 'lease expired on the last attempt' });
  });

  it('does not queue a second pending job with the same unique key, but does once the first is finished', async () => {
    const first = await enqueueJob(t.platform.db, { kind: 'test.ok', uniqueKey: 'remind:42' }, t.clock);
    const second = await enqueueJob(t.platform.db, { kind: 'test.ok', uniqueKey: 'remind:42' }, t.clock);
    expect(first.queued).toBe(true);
    expect(second).toEqual({ id: first.id, queued: false });
    const twins = await Promise.all(
      Array.from({ length: 5 }, () => enqueueJob(t.platform.db, { kind: 'test.ok', uniqueKey: 'remind:43' }, t.clock)),
    );
    expect(twins.filter((r) => r.queued)).toHaveLength(1);
    expect(await t.platform.db.selectFrom('job').select('id').execute()).toHaveLength(2);

    await step();
    await step();
    const third = await enqueueJob(t.platform.db, { kind: 'test.ok', uniqueKey: 'remind:42' }, t.clock);
    expect(third.queued).toBe(true);
  });

  it('queues a job only if the transaction that enqueued it commits', async () => {
    await expect(
      t.platform.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind: 'test.ok' }, t.clock);
        throw new Error('business write failed');
      }),
    ).rejects.toThrow('business write failed');
    expect(await t.platform.db.selectFrom('job').select('id').execute()).toEqual([]);
  });

  it('keeps one pending run of a recurring kind and queues the next after each run, even a failed one', async () => {
    await scheduleRecurring(t.platform.db, { kind: 'test.recurring' }, t.clock);
    await scheduleRecurring(t.platform.db, { kind: 'test.recurring' }, t.clock);
    const pending = () =>
      t.platform.db
        .selectFrom('job')
        .selectAll()
        .where('unique_key', '=', recurringKey('test.recurring'))
        .where('status', '=', 'queued')
        .execute();
    expect(await pending()).toHaveLength(1);

    expect(await step()).toBe(true);
    const [next] = await pending();
    expect(next?.run_at).toBe(new Date(t.clock.now().getTime() + 60 * MINUTE_MS).toISOString());
    expect(await step()).toBe(false);

    failuresLeft = 1;
    await t.platform.db
      .updateTable('job')
      .set({ max_attempts: 1 })
      .where('id', '=', next?.id ?? '')
      .execute();
    t.clock.advance(60 * MINUTE_MS);
    expect(await step()).toBe(true);
    expect((await jobRow(next?.id ?? '')).status).toBe('failed');
    expect(await pending()).toHaveLength(1);
    expect(runs).toHaveLength(2);
  });
});
