import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { freshIp } from '../../src/platform/auth/auth-test-kit.ts';
import {
  type BuildArgs,
  type Caller,
  classify,
  formatOutcome,
  type HttpMethod,
  type Outcome,
  type RequestTable,
  type RouteRequests,
  SIDES,
  type Side,
} from './authorisation-cells.ts';
import {
  cellKey,
  type Expected,
  type ExpectedRow,
  NO_SIDE,
  type OpenFinding,
  rowKey,
} from './authorisation-expected.ts';
import { ANONYMOUS, idsOnSide, type World } from './authorisation-world.ts';

const NOBODY: Caller = { key: ANONYMOUS, role: null, session: null, userId: null };

type CellResult = Outcome & { text: string; namesOtherSide: boolean };

/**
 * One cell: builds the route's request for the side, sends it as the actor (with the session's CSRF token on
 * writes, as the console does) from an address of its own, and classifies the answer. `namesOtherSide`: a 2xx
 * whose body holds the id of one of side B's objects (`otherSideIds`).
 */
export async function runCell(
  world: World,
  key: string,
  entry: RouteRequests,
  actorKey: string,
  side: Side,
  otherSideIds: ReadonlySet<string>,
): Promise<CellResult> {
  const caller = actorKey === ANONYMOUS ? NOBODY : world.actors.get(actorKey);
  if (!caller) throw new Error(`matrix: no actor ${actorKey}`);
  const args: BuildArgs = { world, side, caller };
  const request = await entry.build(args);
  const session = request.asTwin && caller.session ? await world.twinOf(caller) : caller.session;
  const method = key.split(' ')[0] as HttpMethod;
  const payload = request.payload ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const response = (await world.t.app.inject({
    method,
    url: request.url,
    remoteAddress: freshIp(),
    headers: {
      ...(payload !== undefined && request.payload === undefined ? { 'content-type': 'application/json' } : {}),
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      ...request.headers,
    },
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  })) as LightMyRequestResponse;
  const outcome = await classify(response, entry, args);
  // LINLI_MATRIX_TRACE=1 shows why a builder's request failed: the answer of every invalid or error cell.
  if (process.env.LINLI_MATRIX_TRACE && (outcome.cls === 'invalid' || outcome.cls === 'error')) {
    console.log(`${key} × ${actorKey} × ${side} → ${response.statusCode} ${response.body.slice(0, 400)}`);
  }
  const isAnswered = response.statusCode >= 200 && response.statusCode < 300;
  const namesOtherSide = isAnswered && [...otherSideIds].some((id) => response.body.includes(id));
  return { ...outcome, text: formatOutcome(outcome), namesOtherSide };
}

export interface MatrixRun {
  cells: number;
  /** What every row answered. */
  observed: ExpectedRow[];
  /** The rows to write on a rewrite: observed, except open findings' cells that still answer as listed. */
  written: ExpectedRow[];
  keptFindings: OpenFinding[];
  mismatches: string[];
  /** Open findings met as listed (tolerated until fixed). */
  tolerated: string[];
  /** `route × actor × side` where an actor scoped to side A got an answer naming a side-B object. */
  namingOtherSide: string[];
  allowCounts: Map<string, number>;
}

/**
 * Runs the cells `isSampled` picks, route by route in a fixed order, compares each with the expected table and
 * its open findings, and collects what a rewrite would write. LINLI_MATRIX_TRACE=1 prints each route's time.
 */
export async function runMatrix(
  world: World,
  requests: RequestTable,
  options: {
    actors: readonly string[];
    scopedToA: ReadonlySet<string>;
    expected: Expected;
    isSampled: (routeIndex: number, actorIndex: number) => boolean;
  },
): Promise<MatrixRun> {
  const run: MatrixRun = {
    cells: 0,
    observed: [],
    written: [],
    keptFindings: [],
    mismatches: [],
    tolerated: [],
    namingOtherSide: [],
    allowCounts: new Map(),
  };
  const otherSideIds = idsOnSide(world, 'out');
  for (const [routeIndex, key] of Object.keys(requests).sort().entries()) {
    const entry = requests[key];
    if (!entry) continue;
    const routeStarted = Date.now();
    for (const [actorIndex, actor] of options.actors.entries()) {
      if (!options.isSampled(routeIndex, actorIndex)) continue;
      const observed: ExpectedRow = { route: key, actor, in: NO_SIDE, out: NO_SIDE };
      const written: ExpectedRow = { ...observed };
      for (const side of entry.scope === 'scoped' ? SIDES : (['in'] as const)) {
        const result = await runCell(world, key, entry, actor, side, otherSideIds);
        run.cells += 1;
        observed[side] = result.text;
        written[side] = result.text;
        if (result.cls === 'allow') run.allowCounts.set(actor, (run.allowCounts.get(actor) ?? 0) + 1);
        if (result.namesOtherSide && options.scopedToA.has(actor))
          run.namingOtherSide.push(`${key} × ${actor} × ${side}`);
        const want = options.expected.rows.get(rowKey(key, actor))?.[side];
        const finding = options.expected.findings.get(cellKey(key, actor, side));
        const where = `${key} × ${actor} × ${side}`;
        if (finding && result.text === finding.observed) {
          run.tolerated.push(`${where}: ${finding.finding}`);
          run.keptFindings.push(finding);
          written[side] = want ?? result.text;
        } else if (finding) {
          run.mismatches.push(`${where}: open finding lists ${finding.observed}, got ${result.text}: update the table`);
        } else if (want !== result.text) {
          run.mismatches.push(`${where}: expected ${want ?? '(no row)'}, got ${result.text}`);
        }
      }
      run.observed.push(observed);
      run.written.push(written);
    }
    if (process.env.LINLI_MATRIX_TRACE) console.log(`route time ${Date.now() - routeStarted} ms: ${key}`);
  }
  return run;
}
