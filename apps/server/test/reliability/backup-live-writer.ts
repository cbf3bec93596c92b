import { setImmediate as nextTurn } from 'node:timers/promises';
import { SubmitCivicCaseBodySchema } from '@linli/contracts';
import { reportCase } from '../../src/modules/civic-cases/intake/submit-case.service.ts';
import type { Actor, Platform } from '../../src/platform/context.ts';
import { ctxFor, loadActor } from './crash-actor.ts';
import type { CrashFixture } from './crash-fixture.ts';

/**
 * The live writer of the backup test: residents of the fixture's compound file 民情 cases through the intake
 * service, one after another, until stopped — each a transaction with its case, events, counters, 民情 tally and
 * audit entry. One loop, so the commit order is the order of `committed`.
 */
export interface LiveWriter {
  /** Ids of the committed cases, in commit order. */
  readonly committed: readonly string[];
  /** Resolves once `count` cases have committed in all. */
  reach(count: number): Promise<void>;
  /** Stops after the case in flight; rejects with the writer's error if it broke. */
  stop(): Promise<void>;
}

export async function startLiveWriter(platform: Platform, fixture: CrashFixture): Promise<LiveWriter> {
  const residents: Actor[] = await Promise.all(fixture.residents.map((id) => loadActor(platform.db, id)));
  const committed: string[] = [];
  const waiting: Array<{ count: number; resolve: () => void; reject: (error: unknown) => void }> = [];
  let stopping = false;
  let failure: unknown;

  const settle = () => {
    for (const waiter of [...waiting]) {
      if (failure === undefined && committed.length < waiter.count) continue;
      waiting.splice(waiting.indexOf(waiter), 1);
      if (failure === undefined) waiter.resolve();
      else waiter.reject(failure);
    }
  };

  const run = async () => {
    for (let turn = 0; !stopping; turn += 1) {
      const reporter = residents[turn % residents.length] as Actor;
      const body = SubmitCivicCaseBodySchema.parse({
        categoryId: fixture.categoryId,
        title: `备份期间的报事（第${turn}件）`,
        description: '2栋电梯异响，请物业检查。',
        place: { compoundId: fixture.compoundId, gridId: fixture.gridId, building: '2', unit: '1', room: '301' },
      });
      const created = await reportCase(ctxFor(platform, reporter), body);
      if (!created.id) throw new Error('a named report came back without its id');
      committed.push(created.id);
      settle();
      // On SQLite every query completes synchronously: without giving the event loop a turn, this loop would
      // starve everything else in the process — the backup's own steps included.
      await nextTurn();
    }
  };
  const done = run().catch((error: unknown) => {
    failure = error;
    settle();
  });

  return {
    committed,
    reach: (count) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ count, resolve, reject });
        settle();
      }),
    async stop() {
      stopping = true;
      await done;
      if (failure !== undefined) throw failure;
    },
  };
}
