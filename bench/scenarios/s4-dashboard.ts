import { thisYear } from '../periods.ts';
import { type BenchContext, fromLoad, loadGet, type ScenarioResult } from '../scenario.ts';

/** The cockpit is a heavier page opened by few people at once: 8 connections, not 32. */
const CONNECTIONS = 8;

/** S4: the county dashboard (驾驶舱) as the console opens it — the county admin's widest scope, this year so far. */
export async function runDashboard(ctx: BenchContext): Promise<ScenarioResult> {
  const admin = await ctx.staff('county_admin');
  const period = thisYear(new Date());
  const path = `/api/v1/dashboard?from=${period.from}&to=${period.to}`;
  // One request alone first: its time is the floor under load, and the answer when every loaded one times out.
  const started = performance.now();
  await ctx.client.get(path, { session: admin });
  const aloneMs = Math.round(performance.now() - started);
  const load = await loadGet(ctx, path, admin, CONNECTIONS);
  return fromLoad('S4', load, { request: `GET ${path}`, aloneMs });
}
