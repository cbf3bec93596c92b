import { isoNow, MINUTE_MS } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { JobHandlers } from '../../../platform/jobs/index.ts';
import { transact } from '../../../platform/transaction.ts';
import { escalateOverdue, flagOverdue, type SweepAction, warnDueSoon } from './sweep-actions.ts';
import { lockSweepCase, type SweepPhase, sweepCandidates } from './sweep-case.repository.ts';

/** Cases read per query; each case is then handled in its own short transaction. */
const BATCH = 100;
/** A run stops here per phase; the next run (five minutes on) picks up the rest. */
const MAX_PER_RUN = 5000;

export interface SweepResult {
  warned: number;
  flagged: number;
  escalated: number;
}

/** Walks the phase's candidates in id order, one transaction per case, re-checking the rule on the locked row. */
async function sweepPhase(ctx: Ctx, phase: SweepPhase, now: string, act: SweepAction): Promise<number> {
  let after = '';
  let seen = 0;
  let changed = 0;
  while (seen < MAX_PER_RUN) {
    const ids = await sweepCandidates(ctx.db, phase, now, after, BATCH);
    for (const id of ids) {
      const acted = await transact(ctx, async (trx) => {
        const c = await lockSweepCase(trx, ctx.dialect, id);
        return c ? act(trx, ctx, c, now) : false;
      });
      if (acted) changed += 1;
    }
    seen += ids.length;
    const last = ids.at(-1);
    if (ids.length < BATCH || last === undefined) break;
    after = last;
  }
  return changed;
}

/**
 * One pass of 监督/督办 over every open case with a running clock: (a) warn once per step when the due-soon point
 * passes, (b) flag cases past their deadline, (c) escalate overdue ones to the next organisation up. Every step
 * is a no-op on a rerun, so the job is safe to repeat (jobs run at least once). Returns what it changed.
 */
export async function runSupervisionSweep(ctx: Ctx): Promise<SweepResult> {
  const now = isoNow(ctx.clock);
  const warned = await sweepPhase(ctx, 'due_soon', now, warnDueSoon);
  const flagged = await sweepPhase(ctx, 'overdue', now, flagOverdue);
  const escalated = await sweepPhase(ctx, 'escalate', now, escalateOverdue);
  return { warned, flagged, escalated };
}

export const SUPERVISION_SWEEP_JOB = 'civic.supervision-sweep';

export const supervisionJobHandlers: JobHandlers = {
  [SUPERVISION_SWEEP_JOB]: {
    everyMs: 5 * MINUTE_MS,
    async run(ctx) {
      await runSupervisionSweep(ctx);
    },
  },
};
