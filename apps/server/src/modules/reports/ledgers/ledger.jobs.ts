import { MINUTE_MS } from '../../../platform/clock.ts';
import type { JobHandlers } from '../../../platform/jobs/index.ts';
import { purgeLedgerExports, runLedgerExport } from './ledger-export.job.ts';
import { LEDGER_EXPORT_JOB } from './ledger-export.service.ts';

export const LEDGER_PURGE_JOB = 'reports.ledger-purge';

const exportIdOf = (payload: unknown): string | null => {
  const id = (payload as { exportId?: unknown } | null)?.exportId;
  return typeof id === 'string' ? id : null;
};

/** One ledger export per job (payload `{ exportId }`), and the purge of expired files every ten minutes. */
export const ledgerJobHandlers: JobHandlers = {
  [LEDGER_EXPORT_JOB]: {
    async run(ctx, job) {
      const exportId = exportIdOf(job.payload);
      if (exportId) await runLedgerExport(ctx, exportId);
    },
  },
  [LEDGER_PURGE_JOB]: {
    everyMs: 10 * MINUTE_MS,
    async run(ctx) {
      await purgeLedgerExports(ctx);
    },
  },
};
