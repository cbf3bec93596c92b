import type { CivicCaseDetail, CivicCaseSummary, Page } from '@linli/contracts';
import { mapConcurrently } from '../concurrently.ts';
import { type BenchContext, fromLoad, loadGet, type ScenarioResult } from '../scenario.ts';

const CANDIDATES = 100;

/**
 * S3: one case with its whole timeline, as the grid worker opens it: of the last 100 closed cases in the worker's
 * scope, the one with the most events (a case that went round the loop, not one closed at once).
 */
export async function runCaseDetail(ctx: BenchContext): Promise<ScenarioResult> {
  const worker = await ctx.staff('grid_worker');
  const closed = await ctx.client.get<Page<CivicCaseSummary>>(
    `/api/v1/civic-cases?status=closed&sort=updated&order=desc&limit=${CANDIDATES}`,
    { session: worker },
  );
  if (closed.items.length === 0) throw new Error('the grid worker sees no closed case');
  const eventCounts = await mapConcurrently(closed.items, 4, async (summary) => {
    const detail = await ctx.client.get<CivicCaseDetail>(`/api/v1/civic-cases/${summary.id}`, { session: worker });
    return detail.events.length;
  });
  const most = Math.max(...eventCounts);
  const picked = closed.items[eventCounts.indexOf(most)] as CivicCaseSummary;
  const path = `/api/v1/civic-cases/${picked.id}`;
  const load = await loadGet(ctx, path, worker, 32);
  return fromLoad('S3', load, {
    request: `GET ${path}`,
    caseNumber: picked.number,
    events: most,
  });
}
