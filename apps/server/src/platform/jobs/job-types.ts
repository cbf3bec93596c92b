import type { Ctx } from '../context.ts';

/** A job as its handler sees it; `payload` is the parsed JSON given to `enqueueJob`. */
export interface RunningJob {
  id: string;
  kind: string;
  payload: unknown;
  /** This run included: 1 on the first run. */
  attempts: number;
  maxAttempts: number;
}

/**
 * What a job kind does. Jobs run at least once, not exactly once: a worker that dies after the work but before
 * recording it leaves the job to run again when its lease runs out, so a handler must be safe to repeat.
 */
export interface JobHandler {
  /** Throwing schedules a retry with backoff, until `maxAttempts` runs have failed. */
  run(ctx: Ctx, job: RunningJob): Promise<void>;
  /** A recurring kind: the runner keeps one pending job of it and queues the next one this long after each run. */
  everyMs?: number;
}

/** Handlers by job kind. A runner only claims kinds it has a handler for. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface RunnerOptions {
  pollMs: number;
  /** Names this process in `job.locked_by`, e.g. `pid-1234`. */
  workerId: string;
  /** How long a claimed job is reserved before another worker may take it over; renewed while it runs. */
  leaseMs?: number;
  /** First retry delay; doubled on each further failure, capped at `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}
