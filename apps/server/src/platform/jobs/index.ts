import { disableDormantAccountsJob } from './dormant-accounts.job.ts';
import type { JobHandlers } from './job-types.ts';
import { purgeExpiredJob } from './purge-expired.job.ts';

export { DORMANT_AFTER_DAYS, disableDormantAccounts } from './dormant-accounts.job.ts';
export { type EnqueueInput, enqueueJob } from './job.repository.ts';
export { type JobRunner, runNextJob, startJobRunner } from './job-runner.ts';
export type { JobHandler, JobHandlers, RunnerOptions, RunningJob } from './job-types.ts';
export { purgeExpired } from './purge-expired.job.ts';
export { recurringKey, scheduleRecurring } from './recurring.ts';

/** The platform's own scheduled work; modules add theirs by spreading this into a bigger map. */
export const platformJobHandlers: JobHandlers = {
  'accounts.disable_dormant': disableDormantAccountsJob,
  'platform.purge_expired': purgeExpiredJob,
};
