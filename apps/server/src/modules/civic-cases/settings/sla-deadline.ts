import type { SlaBasis, SlaStep, Urgency } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { loadWorkCalendar } from '../../../platform/calendar/work-calendar.ts';
import { addWorkingMinutes } from '../../../platform/calendar/working-time.ts';
import { DAY_MS, shanghaiDate } from '../../../platform/clock.ts';
import type { Trx } from '../../../platform/transaction.ts';

export interface SlaLimit {
  minutes: number;
  basis: SlaBasis;
}

/** Used only if the county deleted its default row for a cell: seven working days, the ordinary tier. */
const LAST_RESORT: SlaLimit = { minutes: 7 * 1440, basis: 'workday' };

/**
 * The limit for a step: the category's own row, else its parent's, else the county default for the urgency.
 */
export async function slaLimit(
  db: Db | Trx,
  input: { categoryId: string; urgency: Urgency; step: SlaStep },
): Promise<SlaLimit> {
  const category = await db
    .selectFrom('civic_category')
    .select('parent_id')
    .where('id', '=', input.categoryId)
    .executeTakeFirst();
  const keys = [input.categoryId, category?.parent_id, '*'].filter((k): k is string => Boolean(k));
  const rows = await db
    .selectFrom('civic_sla')
    .select(['category_key', 'minutes', 'basis'])
    .where('category_key', 'in', keys)
    .where('urgency', '=', input.urgency)
    .where('step', '=', input.step)
    .execute();
  for (const key of keys) {
    const row = rows.find((r) => r.category_key === key);
    if (row) return { minutes: row.minutes, basis: row.basis };
  }
  return LAST_RESORT;
}

/** Ends a limit that starts at `from` on the working-day calendar; `dueSoonAt` is `dueSoonShare` of the way. */
export async function deadlineFrom(
  db: Db | Trx,
  limit: SlaLimit,
  from: Date,
  dueSoonShare: number,
): Promise<{ deadlineAt: string; dueSoonAt: string }> {
  // The window a limit can reach: its length three times over (holidays, weekends) plus a Spring Festival.
  const reach = new Date(from.getTime() + (limit.minutes / 1440) * 3 * DAY_MS + 40 * DAY_MS);
  const calendar = await loadWorkCalendar(db, shanghaiDate(from), shanghaiDate(reach));
  const deadline = addWorkingMinutes(from, limit.minutes, limit.basis, calendar);
  const dueSoon = addWorkingMinutes(from, Math.floor(limit.minutes * dueSoonShare), limit.basis, calendar);
  return { deadlineAt: deadline.toISOString(), dueSoonAt: dueSoon.toISOString() };
}

/** The deadline of a step that starts now for a case of this category and urgency. */
export async function stepDeadline(
  db: Db | Trx,
  input: { categoryId: string; urgency: Urgency; step: SlaStep; from: Date; dueSoonShare: number },
): Promise<{ deadlineAt: string; dueSoonAt: string; limit: SlaLimit }> {
  const limit = await slaLimit(db, input);
  return { ...(await deadlineFrom(db, limit, input.from, input.dueSoonShare)), limit };
}
