import { isoIn, isoNow } from '../clock.ts';
import { type Platform, systemCtx } from '../context.ts';
import { backoffMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_MAX_MS, DEFAULT_LEASE_MS } from './backoff.ts';
import {
  claimNextJob,
  enqueueJob,
  extendLease,
  type JobRow,
  markJobDone,
  markJobFailed,
  markJobRetry,
} from './job.repository.ts';
import type { JobHandler, JobHandlers, RunnerOptions } from './job-types.ts';
import { recurringKey, scheduleRecurringKinds } from './recurring.ts';

const MAX_ERROR_LENGTH = 2000;

const errorText = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_ERROR_LENGTH);

type Outcome = { ok: true } | { ok: false; error: string };

/** For carrying a payload over to the next run: a payload the handler could not read is not worth crashing on. */
function payloadOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Renews the lease at a third of its length, so a slow but living worker keeps its job. */
function keepLeased(platform: Platform, job: JobRow, options: RunnerOptions): () => void {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const timer = setInterval(() => {
    const at = { id: job.id, workerId: options.workerId, now: isoNow(platform.clock) };
    extendLease(platform.db, at, isoIn(platform.clock, leaseMs)).catch((error: unknown) =>
      platform.log.warn({ err: error, jobId: job.id }, 'could not extend a job lease'),
    );
  }, leaseMs / 3);
  timer.unref();
  return () => clearInterval(timer);
}

async function execute(platform: Platform, handler: JobHandler, job: JobRow, options: RunnerOptions): Promise<Outcome> {
  if (job.attempts > job.max_attempts) return { ok: false, error: 'lease expired on the last attempt' };
  const release = keepLeased(platform, job, options);
  try {
    await handler.run(systemCtx(platform), {
      id: job.id,
      kind: job.kind,
      payload: JSON.parse(job.payload),
      attempts: job.attempts,
      maxAttempts: job.max_attempts,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  } finally {
    release();
  }
}

/**
 * Records how the run went, in one transaction: done; or queued again after an exponential backoff while
 * attempts remain; or failed, keeping `last_error`. A recurring kind's next run is queued in the same
 * transaction once this one is over, whichever way it ended.
 */
async function finish(platform: Platform, handler: JobHandler, job: JobRow, outcome: Outcome, options: RunnerOptions) {
  const { clock } = platform;
  const at = { id: job.id, workerId: options.workerId, now: isoNow(clock) };
  await platform.db.transaction().execute(async (trx) => {
    const over = outcome.ok || job.attempts >= job.max_attempts;
    let settled: boolean;
    if (outcome.ok) settled = await markJobDone(trx, at);
    else if (over) settled = await markJobFailed(trx, at, outcome.error);
    else {
      const delay = backoffMs(job.attempts, options.backoffBaseMs, options.backoffMaxMs);
      settled = await markJobRetry(trx, at, isoIn(clock, delay), outcome.error);
    }
    if (settled && over && handler.everyMs !== undefined && job.unique_key === recurringKey(job.kind)) {
      const runAt = isoIn(clock, handler.everyMs);
      await enqueueJob(
        trx,
        { kind: job.kind, payload: payloadOrNull(job.payload), runAt, uniqueKey: job.unique_key },
        clock,
      );
    }
  });
  if (!outcome.ok) platform.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts }, outcome.error);
}

/**
 * Claims one due job of a kind in `handlers`, runs it and records the outcome. Returns false when nothing was
 * due. The building block of the runner loop, and what tests call to step through a schedule with a FakeClock.
 */
export async function runNextJob(platform: Platform, handlers: JobHandlers, options: RunnerOptions): Promise<boolean> {
  const job = await claimNextJob(platform.db, {
    kinds: Object.keys(handlers),
    workerId: options.workerId,
    now: isoNow(platform.clock),
    leaseUntil: isoIn(platform.clock, options.leaseMs ?? DEFAULT_LEASE_MS),
  });
  if (!job) return false;
  const handler = handlers[job.kind];
  if (!handler) throw new Error(`claimed a job of unknown kind ${job.kind}`);
  const outcome = await execute(platform, handler, job, options);
  await finish(platform, handler, job, outcome, options);
  return true;
}

export interface JobRunner {
  /** Stops claiming, waits for the job in hand to finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * Runs jobs from the database until stopped: drains what is due one job at a time, then sleeps `pollMs`.
 * Schedules the recurring kinds first (retried on every pass until the database answers). Any number of
 * runners, in any number of processes, may share one PostgreSQL database.
 */
export function startJobRunner(platform: Platform, handlers: JobHandlers, options: RunnerOptions): JobRunner {
  const settings = {
    ...options,
    backoffBaseMs: options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
    backoffMaxMs: options.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS,
  };
  let stopping = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  const loop = async () => {
    let scheduled = false;
    while (!stopping) {
      let ran = false;
      try {
        if (!scheduled) {
          await scheduleRecurringKinds(platform.db, handlers, platform.clock);
          scheduled = true;
        }
        ran = await runNextJob(platform, handlers, settings);
      } catch (error) {
        platform.log.error({ err: error, workerId: options.workerId }, 'job runner pass failed');
      }
      if (!ran && !stopping) await sleep(options.pollMs);
    }
  };
  const running = loop();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}
