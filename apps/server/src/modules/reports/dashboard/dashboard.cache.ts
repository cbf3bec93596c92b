import type { Dashboard, ReportScopeQuery } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { MINUTE_MS } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';

/**
 * Dashboards already computed, per database (a test process runs many). A county's leaders open the same cockpit
 * again and again, and on a county's years of data it takes a second or more to compute; what was computed stands
 * while nothing has changed. Every change a figure depends on is an audited action (REL-2: the audit entry is
 * written in the change's transaction), so the newest audit sequence number is the data's version, read from the
 * database — right for two instances too. An entry also ages out after a minute, for anything time alone moves.
 * Keyed by user as well as scope and period: the breadcrumb and the rankings follow the caller's own grants, and
 * a cached answer is only ever given to the user it was computed for, after the route has checked their scope.
 */
const MAX_AGE_MS = MINUTE_MS;
const MAX_ENTRIES = 200;

interface Entry {
  version: number;
  computedAt: number;
  dashboard: Dashboard;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

async function dataVersion(db: Db): Promise<number> {
  const last = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return Number(last?.seq ?? 0);
}

/** The dashboard from the cache when its data has not changed since, else computed (and kept). */
export async function cachedDashboard(
  ctx: Ctx,
  query: ReportScopeQuery,
  compute: () => Promise<Dashboard>,
): Promise<Dashboard> {
  let cache = caches.get(ctx.db);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.db, cache);
  }
  const key = JSON.stringify([ctx.actor?.userId ?? null, query.orgId, query.compoundId, query.from, query.to]);
  const version = await dataVersion(ctx.db);
  const now = ctx.clock.now().getTime();
  const hit = cache.get(key);
  if (hit && hit.version === version && now - hit.computedAt < MAX_AGE_MS) {
    // Most recently used last, so the oldest is the first key.
    cache.delete(key);
    cache.set(key, hit);
    return hit.dashboard;
  }
  const dashboard = await compute();
  cache.delete(key);
  cache.set(key, { version, computedAt: now, dashboard });
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return dashboard;
}
