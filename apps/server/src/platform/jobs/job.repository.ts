import { createHash } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DB, JobTable } from '../../db/schema.ts';
import { type Clock, isoNow, systemClock } from '../clock.ts';
import { newId } from '../ids.ts';
import type { Trx } from '../transaction.ts';

export type JobRow = JobTable;

export interface EnqueueInput {
  kind: string;
  /** Any JSON value; handed to the handler parsed. */
  payload?: unknown;
  /** When the job becomes due; now when absent. */
  runAt?: Date | string;
  /** While a job with this key is queued or running, enqueuing another one with it does nothing. */
  uniqueKey?: string;
  maxAttempts?: number;
}

const PENDING = ['queued', 'running'] as const;
/** Namespace of the advisory locks that serialise enqueues of one unique key (audit uses the one-key 7401). */
const UNIQUE_KEY_LOCK_SPACE = 7402;

const isPostgres = (db: Kysely<DB>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
const lockKeyOf = (uniqueKey: string): number => createHash('sha256').update(uniqueKey).digest().readInt32BE(0);
const toIso = (value: Date | string): string => (typeof value === 'string' ? new Date(value) : value).toISOString();

/**
 * Queues a job, in the caller's transaction when given one (so the job exists only if the business write
 * commits), else in its own. With `uniqueKey`, a pending job of that key makes this a no-op: on PostgreSQL an
 * advisory lock on the key serialises concurrent enqueues across processes; SQLite has one writer anyway.
 * Pass `ctx.clock` from a use case, so `run_at` and `created_at` follow a test's FakeClock.
 */
export async function enqueueJob(
  db: Db | Trx,
  input: EnqueueInput,
  clock: Clock = systemClock,
): Promise<{ id: string; queued: boolean }> {
  const work = async (trx: Kysely<DB>) => {
    const { uniqueKey } = input;
    if (uniqueKey !== undefined) {
      if (isPostgres(trx)) {
        await sql`SELECT pg_advisory_xact_lock(${UNIQUE_KEY_LOCK_SPACE}, ${lockKeyOf(uniqueKey)})`.execute(trx);
      }
      const pending = await trx
        .selectFrom('job')
        .select('id')
        .where('unique_key', '=', uniqueKey)
        .where('status', 'in', PENDING)
        .executeTakeFirst();
      if (pending) return { id: pending.id, queued: false };
    }
    const id = newId();
    const now = isoNow(clock);
    await trx
      .insertInto('job')
      .values({
        id,
        kind: input.kind,
        unique_key: uniqueKey ?? null,
        payload: JSON.stringify(input.payload ?? null),
        status: 'queued',
        run_at: input.runAt === undefined ? now : toIso(input.runAt),
        attempts: 0,
        max_attempts: input.maxAttempts ?? 5,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { id, queued: true };
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Claims the next due job of one of `kinds` for `workerId`: a queued job whose time has come, or a running one
 * whose lease ran out because its worker died. On PostgreSQL one statement,
 * `UPDATE … WHERE id = (SELECT … LIMIT 1 FOR UPDATE SKIP LOCKED)`, so any number of processes claim side by
 * side and never the same job; on SQLite the same statement in a transaction, the database's single writer
 * doing the serialising.
 */
export async function claimNextJob(
  db: Db,
  input: { kinds: string[]; workerId: string; now: string; leaseUntil: string },
): Promise<JobRow | undefined> {
  if (input.kinds.length === 0) return undefined;
  const postgres = isPostgres(db);
  const claim = (trx: Kysely<DB>) =>
    trx
      .updateTable('job')
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        locked_by: input.workerId,
        locked_until: input.leaseUntil,
        updated_at: input.now,
      }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('job as due')
          .select('due.id')
          .where('due.kind', 'in', input.kinds)
          .where((w) =>
            w.or([
              w.and([w('due.status', '=', 'queued'), w('due.run_at', '<=', input.now)]),
              w.and([w('due.status', '=', 'running'), w('due.locked_until', '<=', input.now)]),
            ]),
          )
          .orderBy('due.run_at')
          .limit(1)
          .$if(postgres, (q) => q.forUpdate().skipLocked()),
      )
      .returningAll()
      .executeTakeFirst();
  return postgres ? claim(db) : db.transaction().execute(claim);
}

type Settle = { id: string; workerId: string; now: string };

/** Every settling write is fenced by `locked_by`: a worker whose lease was taken over changes nothing. */
async function settle(trx: Trx, at: Settle, values: Partial<JobRow>): Promise<boolean> {
  const result = await trx
    .updateTable('job')
    .set({ ...values, locked_by: null, locked_until: null, updated_at: at.now })
    .where('id', '=', at.id)
    .where('locked_by', '=', at.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export const markJobDone = (trx: Trx, at: Settle) => settle(trx, at, { status: 'done', last_error: null });

export const markJobRetry = (trx: Trx, at: Settle, runAt: string, error: string) =>
  settle(trx, at, { status: 'queued', run_at: runAt, last_error: error });

export const markJobFailed = (trx: Trx, at: Settle, error: string) =>
  settle(trx, at, { status: 'failed', last_error: error });

/** Keeps a long job's claim alive while its worker is still working on it. */
export async function extendLease(db: Db, at: Settle, leaseUntil: string): Promise<void> {
  await db
    .updateTable('job')
    .set({ locked_until: leaseUntil, updated_at: at.now })
    .where('id', '=', at.id)
    .where('locked_by', '=', at.workerId)
    .where('status', '=', 'running')
    .execute();
}
