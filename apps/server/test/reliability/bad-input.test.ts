import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_JUNK } from './bad-input.body-junk.ts';
import { mutantsOf } from './bad-input.invalid-values.ts';
import { type Finding, groupFindings } from './bad-input.judge.ts';
import { type JunkSize, type Probe, probeFrom } from './bad-input.probe.ts';
import { type Baseline, baselineOf, type ProbedRoute } from './bad-input.route-table.ts';
import { accepts } from './bad-input.schema-walk.ts';
import { BASE_SEED, type BadInputRig, IS_FULL, startBadInputRig } from './bad-input.test-support.ts';
import { uploadJunk } from './bad-input.upload-junk.ts';
import { URL_JUNK } from './bad-input.url-junk.ts';
import { toWireObject } from './bad-input.valid-values.ts';

/**
 * Bad input on every route (SEC-19): invalid bodies, queries and params generated from each route's own zod
 * schemas with fast-check, and hostile junk (huge strings, deep nesting, prototype keys, numbers JSON cannot
 * hold, invalid UTF-8, wrong content types and lengths, traversal in ids, repeated query keys, bad uploads).
 * Every answer must be below 500; every 4xx must carry the error shape with a message (Open311: the spec's error
 * list); a request the route's schema or the HTTP framing rules out must never get a 2xx. Each test collects
 * every finding across all routes before it fails, so one run lists them all.
 */

/** Generated cases per route: a few in `npm test`, 100 at full size. */
const RUNS_PER_ROUTE = IS_FULL ? 100 : 6;
const SIZE: JunkSize = { everyField: IS_FULL };
const TIMEOUT_MS = IS_FULL ? 3_600_000 : 120_000;

/** Each route gets its own seed from the run's, so adding a route does not change the cases of the others. */
const seedOf = (route: ProbedRoute): number =>
  [...route.key].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, BASE_SEED);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Schema-derived probes: one place of the body, query or params broken, the rest of the baseline kept. */
function generatedProbes(route: ProbedRoute, baseline: Baseline): fc.Arbitrary<Probe> | undefined {
  const arbitraries: fc.Arbitrary<Probe>[] = [];
  const body = route.body && route.takesBody ? mutantsOf(route.body, baseline.body, 'json') : undefined;
  if (body) arbitraries.push(body.map((m) => probeFrom(route, baseline, `body ${m.label}`, { body: m.input })));
  const query = route.querystring ? mutantsOf(route.querystring, toWireObject(baseline.query), 'text') : undefined;
  if (query) arbitraries.push(query.map((m) => probeFrom(route, baseline, `query ${m.label}`, { query: m.input })));
  const params = route.params ? mutantsOf(route.params, toWireObject(baseline.params), 'text') : undefined;
  if (params) {
    arbitraries.push(
      params.map((m) => probeFrom(route, baseline, `params ${m.label}`, { params: isRecord(m.input) ? m.input : {} })),
    );
  }
  return arbitraries.length > 0 ? fc.oneof(...arbitraries) : undefined;
}

describe('bad input on every route', () => {
  let rig: BadInputRig;
  const startedAt = performance.now();

  beforeAll(async () => {
    rig = await startBadInputRig();
    if (IS_FULL) console.log(`bad-input seed ${BASE_SEED} (replay: LINLI_BAD_INPUT_SEED=${BASE_SEED})`);
  });
  afterAll(async () => {
    const counts = [...rig.sent.values()].sort((a, b) => a - b);
    const total = counts.reduce((sum, n) => sum + n, 0);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(
      `bad-input (${IS_FULL ? 'full' : 'fast'}): ${rig.routes.length} routes, ${total} probes ` +
        `(per route min ${counts[0]}, median ${counts[Math.floor(counts.length / 2)]}, max ${counts.at(-1)}), ${seconds} s`,
    );
    await rig.close();
  });

  const routesWhere = (keep: (route: ProbedRoute) => boolean) => rig.routes.filter(keep);

  /** Sends each route's probes in turn and returns every finding, grouped by problem and probe. */
  async function probeRoutes(
    routes: readonly ProbedRoute[],
    probesOf: (route: ProbedRoute, baseline: Baseline) => Iterable<Probe>,
  ): Promise<string[]> {
    const findings: Finding[] = [];
    for (const route of routes) {
      for (const probe of probesOf(route, baselineOf(route))) {
        const { finding } = await rig.send(route, probe);
        if (finding) findings.push(finding);
      }
    }
    return groupFindings(findings);
  }

  it(
    'finds every route, and each answers its valid baseline as a signed-in caller it admits',
    async () => {
      const keys = rig.routes.map((r) => r.key);
      expect(keys.filter((k) => k.includes(' /api/v1/')).length).toBeGreaterThan(150);
      expect(keys.filter((k) => k.includes(' /open311/v2/')).length).toBeGreaterThanOrEqual(11);
      expect(keys).toContain('POST /api/v1/files');
      // A broken field proves something only against an otherwise valid request: nearly every baseline must be
      // one (the few left out hide their rule in a cross-field `.refine()`).
      const schemas = rig.routes.flatMap((r) => {
        const baseline = baselineOf(r);
        const pairs = [
          [r.body, baseline.body],
          [r.querystring, toWireObject(baseline.query)],
          [r.params, toWireObject(baseline.params)],
        ] as const;
        return pairs.filter(([schema]) => schema !== undefined);
      });
      const valid = schemas.filter(([schema, value]) => schema && accepts(schema, value));
      expect(valid.length / schemas.length).toBeGreaterThan(0.95);
      const findings: Finding[] = [];
      const refusedSessions: string[] = [];
      for (const route of rig.routes) {
        const outcome = await rig.send(route, probeFrom(route, baselineOf(route), 'the valid baseline'));
        if (outcome.finding) findings.push(outcome.finding);
        const signedOut = outcome.errorCode === 'UNAUTHENTICATED' || outcome.errorCode === 'SESSION_EXPIRED';
        if (route.caller !== 'anonymous' && signedOut) refusedSessions.push(route.key);
      }
      expect(groupFindings(findings)).toEqual([]);
      expect(refusedSessions).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'answers bodies, queries and params generated invalid from each zod schema with a 4xx in the error shape',
    async () => {
      const findings: Finding[] = [];
      for (const route of rig.routes) {
        const probes = generatedProbes(route, baselineOf(route));
        if (!probes) continue;
        // While fast-check shrinks, the last failing case is the smallest one: that is the one reported.
        let smallest: Finding | undefined;
        const details = await fc.check(
          fc.asyncProperty(probes, async (probe) => {
            const { finding } = await rig.send(route, probe);
            smallest = finding ?? smallest;
            return finding === undefined;
          }),
          // Shrinking costs a request per step: the fast run reports the first failing case as found (replayable
          // from the seed and path); the full run shrinks it to the smallest.
          { seed: seedOf(route), numRuns: RUNS_PER_ROUTE, endOnFailure: !IS_FULL },
        );
        if (details.failed && smallest) {
          const replay = `replay: fast-check seed ${details.seed}, path "${details.counterexamplePath}"`;
          findings.push({ ...smallest, reproduction: `${smallest.reproduction}\n    ${replay}` });
        }
      }
      expect(groupFindings(findings)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  const takesBody = (r: ProbedRoute) => r.takesBody;

  it(
    'survives 1 MB strings in every string field and 10 MB ones, refusing what is over the body limit',
    async () => {
      expect(await probeRoutes(routesWhere(takesBody), (r, b) => BODY_JUNK.hugeStrings(r, b, SIZE))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'survives JSON nested 10,000 deep, as the whole body and inside a field',
    async () => {
      expect(await probeRoutes(routesWhere(takesBody), (r, b) => BODY_JUNK.deepNesting(r, b, SIZE))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'refuses __proto__ and constructor.prototype keys in bodies and leaves Object.prototype untouched',
    async () => {
      expect(await probeRoutes(routesWhere(takesBody), BODY_JUNK.prototypeKeys)).toEqual([]);
      expect(({} as { admin?: unknown }).admin).toBeUndefined();
      expect(Object.hasOwn(Object.prototype, 'admin')).toBe(false);
    },
    TIMEOUT_MS,
  );

  it(
    'survives 1e309, -0, NaN-strings and 30-digit numbers in number fields',
    async () => {
      expect(await probeRoutes(routesWhere(takesBody), (r, b) => BODY_JUNK.extremeNumbers(r, b, SIZE))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'refuses JSON bodies that are not UTF-8',
    async () => {
      expect(await probeRoutes(routesWhere(takesBody), (r, b) => BODY_JUNK.invalidUtf8(r, b, SIZE))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'stores or refuses NUL characters and lone surrogates in every text field, never failing with a 5xx',
    async () => {
      expect(await probeRoutes(routesWhere(takesBody), BODY_JUNK.hostileText)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'answers text/plain, form-encoded, unlabelled, mis-sized and empty bodies with a 4xx where the route needs JSON',
    async () => {
      expect(await probeRoutes(routesWhere(takesBody), (r, b) => BODY_JUNK.contentTypes(r, b, SIZE))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'survives ../, %00, invalid UTF-8 and 10,000-character ids in path parameters',
    async () => {
      expect(
        await probeRoutes(
          routesWhere((r) => r.paramNames.length > 0),
          URL_JUNK.hostileParams,
        ),
      ).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'survives repeated keys, lists for scalars, prototype keys, invalid UTF-8 and 1 MB values in query strings',
    async () => {
      expect(await probeRoutes(rig.routes, (r, b) => URL_JUNK.hostileQueries(r, b, SIZE))).toEqual([]);
      expect(({} as { admin?: unknown }).admin).toBeUndefined();
    },
    TIMEOUT_MS,
  );

  it(
    'refuses oversized, mislabelled, missing, doubled and broken uploads',
    async () => {
      const uploads = routesWhere((r) => r.multipart);
      expect(uploads.map((r) => r.key).sort()).toEqual(['POST /api/v1/files', 'POST /api/v1/member-imports']);
      expect(await probeRoutes(uploads, uploadJunk)).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
