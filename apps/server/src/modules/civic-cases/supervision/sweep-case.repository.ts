import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { INTAKE_STATUSES, type SweepCase, TIMED_STATUSES } from './sweep-rules.ts';

const COLUMNS = [
  'id',
  'number',
  'title',
  'status',
  'step',
  'step_started_at',
  'deadline_at',
  'due_soon_at',
  'due_soon_warned_at',
  'overdue',
  'unit_kind',
  'unit_id',
  'unit_name',
  'unit_path',
  'path',
  'community_id',
] as const;

/**
 * Re-reads one case inside the sweep's transaction, locked on PostgreSQL, so the rule is checked against the row
 * as it is now — a handler's action that committed meanwhile (a new step, a new deadline) wins.
 */
export const lockSweepCase = (trx: Trx, dialect: Dialect, id: string): Promise<SweepCase | undefined> =>
  trx
    .selectFrom('civic_case')
    .select(COLUMNS)
    .where('id', '=', id)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();

export type SweepPhase = 'due_soon' | 'overdue' | 'escalate';

/** The SQL twin of the phase's rule in `sweep-rules.ts` (the rule is checked again on the locked row). */
function phaseFilter(phase: SweepPhase, now: string): Expression<SqlBool> {
  switch (phase) {
    case 'due_soon':
      return sql<SqlBool>`(c.due_soon_at <= ${now} AND c.deadline_at > ${now}
        AND (c.due_soon_warned_at IS NULL
          OR (c.step_started_at IS NOT NULL AND c.due_soon_warned_at < c.step_started_at)))`;
    case 'overdue':
      return sql<SqlBool>`(c.deadline_at <= ${now} AND c.overdue = 0)`;
    case 'escalate':
      return sql<SqlBool>`(c.deadline_at <= ${now} AND c.overdue = 1
        AND (c.unit_id IS NOT NULL OR c.status IN (${sql.join(INTAKE_STATUSES)}))
        AND NOT EXISTS (SELECT 1 FROM civic_supervision s
          WHERE s.dedupe_key = c.id || ':' || coalesce(c.step, '') || ':' || c.deadline_at))`;
  }
}

/** The next batch of ids the phase may act on, after `afterId` in id order (one pass never revisits a case). */
export async function sweepCandidates(
  db: Db,
  phase: SweepPhase,
  now: string,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('civic_case as c')
    .select('c.id')
    .where('c.status', 'in', [...TIMED_STATUSES])
    .where('c.deadline_at', 'is not', null)
    .where(phaseFilter(phase, now))
    .where('c.id', '>', afterId)
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
