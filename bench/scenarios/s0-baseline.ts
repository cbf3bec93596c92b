import { runLoad } from '../load.ts';
import type { BenchOptions } from '../options.ts';
import { fromLoad, type ScenarioResult } from '../scenario.ts';
import type { RunningChild } from '../servers.ts';

/** A body about the size of a short JSON form post. */
const BODY = JSON.stringify({ title: '楼道灯不亮', compound: '银杏苑', building: '3栋', room: '501', count: 3 });

/** S0: bare Fastify answering one JSON POST, 32 connections — the yardstick S1–S3 are measured against. */
export async function runBaseline(baseline: RunningChild, options: BenchOptions): Promise<ScenarioResult> {
  const load = await runLoad({
    server: baseline,
    connections: 32,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
    requests: [{ method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body: BODY }],
  });
  return fromLoad('S0', load, { request: 'POST /echo' });
}
