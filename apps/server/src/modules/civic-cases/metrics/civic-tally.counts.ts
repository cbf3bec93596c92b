import type { CaseCounts } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { ZERO_COUNTS } from './case-metrics.ts';
import { readTally, sumAll, sumBy, type TallyDimension } from './civic-tally.read.ts';
import type { CountsInput, GroupCounts, MetricsGrouping } from './metrics-grouping.ts';
import { overdueOpenBy, overdueOpenCount } from './overdue.repository.ts';

/** The groupings the tally holds, as its dimensions. */
export const TALLY_DIMENSIONS: Partial<Record<MetricsGrouping, readonly TallyDimension[]>> = {
  none: [],
  month: ['month'],
  category: ['category'],
  compound: ['compound'],
  community: ['community'],
};

const BACKLOG_COLUMN = { compound: 'compound_id', community: 'community_id' } as const;

/** By category the console shows only the received and closed families (as the index query counts them). */
const receivedAndClosed = (c: CaseCounts): CaseCounts => ({
  ...ZERO_COUNTS,
  received: c.received,
  closed: c.closed,
  closedResolved: c.closedResolved,
  closedOnTime: c.closedOnTime,
});

const isZero = (counts: CaseCounts): boolean => Object.values(counts).every((n) => n === 0);

/**
 * `countsByGroup` answered from `civic_case_tally`: the same counts as the index queries, per group that counts
 * anything. The backlog (`overdueOpen`) is added live for the totals and per compound or community, as the index
 * query adds it; by month and by category it stays 0, as there.
 */
export async function countsFromTally(
  db: Db,
  input: CountsInput & { scopePath: string; by: readonly TallyDimension[] },
): Promise<GroupCounts[]> {
  const groups = await readTally(db, input);
  const [dimension] = input.by;
  if (dimension === undefined) {
    const overdueOpen = await overdueOpenCount(db, input.scope);
    return [{ key: '', label: null, counts: { ...sumAll(groups), overdueOpen } }];
  }
  const counts = sumBy(groups, dimension);
  if (dimension === 'category') {
    return [...counts].flatMap(([key, c]) => {
      const shown = receivedAndClosed(c);
      return isZero(shown) ? [] : [{ key, label: null, counts: shown }];
    });
  }
  if (dimension === 'compound' || dimension === 'community') {
    for (const [key, n] of await overdueOpenBy(db, input.scope, BACKLOG_COLUMN[dimension])) {
      counts.set(key, { ...(counts.get(key) ?? ZERO_COUNTS), overdueOpen: n });
    }
  }
  return [...counts].map(([key, c]) => ({ key, label: null, counts: c }));
}
