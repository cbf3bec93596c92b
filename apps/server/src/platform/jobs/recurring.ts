import type { Db } from '../../db/database.ts';
import { type Clock, systemClock } from '../clock.ts';
import type { Trx } from '../transaction.ts';
import { enqueueJob } from './job.repository.ts';
import type { JobHandlers } from './job-types.ts';

/** The unique key that marks a job as the pending run of a recurring kind. */
export const recurringKey = (kind: string): string => `recurring:${kind}`;

/**
 * Makes sure a recurring kind has its one pending run (now, unless `runAt` says later). Safe to call from every
 * process at every start: the unique key keeps it to one. The runner queues each next run itself, `everyMs`
 * after the previous one finished.
 */
export function scheduleRecurring(
  db: Db | Trx,
  input: { kind: string; payload?: unknown; runAt?: Date | string },
  clock: Clock = systemClock,
) {
  return enqueueJob(db, { ...input, uniqueKey: recurringKey(input.kind) }, clock);
}

/** Schedules every handler that declares `everyMs`. */
export async function scheduleRecurringKinds(db: Db, handlers: JobHandlers, clock: Clock): Promise<void> {
  for (const [kind, handler] of Object.entries(handlers)) {
    if (handler.everyMs !== undefined) await scheduleRecurring(db, { kind }, clock);
  }
}
