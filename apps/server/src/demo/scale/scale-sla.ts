import type { SlaBasis, SlaStep, Urgency } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import type { WorkClock } from './scale-calendar.ts';

export interface SlaLimit {
  minutes: number;
  basis: SlaBasis;
}

/** The fallback `slaLimit` uses when the county deleted its default row for a cell. */
const LAST_RESORT: SlaLimit = { minutes: 7 * 1440, basis: 'workday' };

export interface StepLimit {
  deadlineMs: number;
  dueSoonMs: number;
}

/**
 * The county's time limits as `settings/sla-deadline.ts` reads them — the category's own row, else its parent's,
 * else the county default for the urgency — read once into memory, with deadlines on the generated calendar.
 */
export interface SlaBook {
  limit(categoryId: string, urgency: Urgency, step: SlaStep): SlaLimit;
  /** A limit that starts at `fromMs`, and its due-soon point (`dueSoonShare` of the way). */
  deadline(limit: SlaLimit, fromMs: number): StepLimit;
}

export async function loadSlaBook(db: Db, clock: WorkClock, dueSoonShare: number): Promise<SlaBook> {
  const parents = new Map(
    (await db.selectFrom('civic_category').select(['id', 'parent_id']).execute()).map((c) => [c.id, c.parent_id]),
  );
  const cells = new Map<string, SlaLimit>();
  for (const row of await db
    .selectFrom('civic_sla')
    .select(['category_key', 'urgency', 'step', 'minutes', 'basis'])
    .execute()) {
    cells.set(`${row.category_key}|${row.urgency}|${row.step}`, { minutes: row.minutes, basis: row.basis });
  }
  const memo = new Map<string, SlaLimit>();
  return {
    limit(categoryId, urgency, step) {
      const memoKey = `${categoryId}|${urgency}|${step}`;
      const known = memo.get(memoKey);
      if (known) return known;
      const keys = [categoryId, parents.get(categoryId), '*'].filter((k): k is string => Boolean(k));
      const found = keys.map((k) => cells.get(`${k}|${urgency}|${step}`)).find((l) => l !== undefined);
      memo.set(memoKey, found ?? LAST_RESORT);
      return found ?? LAST_RESORT;
    },
    deadline(limit, fromMs) {
      return {
        deadlineMs: clock.addMinutes(fromMs, limit.minutes, limit.basis),
        dueSoonMs: clock.addMinutes(fromMs, Math.floor(limit.minutes * dueSoonShare), limit.basis),
      };
    },
  };
}
