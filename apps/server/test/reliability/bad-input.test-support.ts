import { randomBytes } from 'node:crypto';
import type { Role } from '@linli/contracts';
import type { InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { vi } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/database.ts';
import { FakeClock } from '../../src/platform/clock.ts';
import { assignRole, buildCounty, createUser, type OrgNode, sessionFor } from '../factories.ts';
import { type Session, testConfig } from '../harness.ts';
import { openFreshDatabase } from '../test-database.ts';
import { type Finding, findingOf, judge } from './bad-input.judge.ts';
import { type Probe, refusalReason, urlOf } from './bad-input.probe.ts';
import { type Caller, type ProbedRoute, probedRoutes } from './bad-input.route-table.ts';

/**
 * The app the bad-input probes run against: a fresh database with a small county, one account per caller kind,
 * the error log captured (a 5xx finding carries its stack), and one `send` that injects a probe and judges the
 * answer.
 */

/** `npm run test:reliability` sets LINLI_RELIABILITY=full: every field, 100 generated cases per route. */
export const IS_FULL = process.env.LINLI_RELIABILITY === 'full';

/**
 * fast-check's seed: fixed in the fast run so `npm test` is deterministic, random at full size (printed, so a
 * failure replays with LINLI_BAD_INPUT_SEED=<seed>).
 */
export const BASE_SEED = Number(
  process.env.LINLI_BAD_INPUT_SEED ?? (IS_FULL ? randomBytes(4).readInt32LE() : 20_260_307),
);

/**
 * The rate limiter keeps its windows by Date.now(). Moving the Date past a window before each probe of a limited
 * route lets every probe reach validation instead of the limiter (the limits have their own tests).
 */
const PAST_RATE_WINDOW_MS = 61_000;

export interface Outcome {
  /** The rule the answer broke; undefined when it kept every rule. */
  finding?: Finding;
  /** The `error.code` of an error answer. */
  errorCode?: string;
}

export interface BadInputRig {
  routes: ProbedRoute[];
  /** Injects the probe and judges the answer. */
  send(route: ProbedRoute, probe: Probe): Promise<Outcome>;
  /** Probes sent per route key, for the summary. */
  sent: Map<string, number>;
  close(): Promise<void>;
}

const ROLE_OF: Record<Exclude<Caller, 'own_account' | 'anonymous'>, Role> = {
  county_admin: 'county_admin',
  sys_admin: 'sys_admin',
  security_admin: 'security_admin',
  auditor: 'auditor',
  member: 'member',
  resident: 'resident',
};

interface ErrorLine {
  reqId?: string;
  err?: { stack?: string };
}

function parseLine(line: string): ErrorLine {
  try {
    return JSON.parse(line) as ErrorLine;
  } catch {
    return {};
  }
}

function errorBodyOf(response: LightMyRequestResponse): { code?: string; requestId?: string } | undefined {
  try {
    return (JSON.parse(response.body) as { error?: { code?: string; requestId?: string } }).error;
  } catch {
    return undefined;
  }
}

function stackOf(lines: readonly string[], response: LightMyRequestResponse): string {
  const requestId = errorBodyOf(response)?.requestId;
  const line = lines.map(parseLine).find((l) => l.reqId === requestId && l.err?.stack);
  const stack = line?.err?.stack?.split('\n').slice(0, 8).join('\n      ');
  return stack ? `\n    stack: ${stack}` : '\n    stack: (none logged)';
}

export async function startBadInputRig(): Promise<BadInputRig> {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  const errorLines: string[] = [];
  const seen: RouteOptions[] = [];
  const database: Database = await openFreshDatabase();
  const app = await buildApp({
    config: testConfig({ LINLI_LOG_LEVEL: 'error' }),
    database,
    clock: new FakeClock(),
    sms: { send: async () => {} },
    logStream: { write: (line) => errorLines.push(line) },
    onRoute: (route) => seen.push(route),
  });
  await app.ready();
  const { platform } = app;
  const county = await buildCounty(platform);
  const scopeOf = (caller: Caller): OrgNode =>
    caller === 'member' || caller === 'resident' ? county.compoundA : county.county;

  const users = new Map<Caller, string>();
  async function userFor(caller: Exclude<Caller, 'anonymous'>): Promise<string> {
    const known = users.get(caller);
    if (known) return known;
    const user = await createUser(platform);
    await assignRole(platform, user.id, caller === 'own_account' ? 'county_admin' : ROLE_OF[caller], scopeOf(caller));
    if (caller !== 'own_account') users.set(caller, user.id);
    return user.id;
  }
  const sessions = new Map<string, Session | null>();
  /** One session per route, so a probe that signs out or changes its account spoils no other route's probes. */
  async function sessionOf(route: ProbedRoute): Promise<Session | null> {
    if (sessions.has(route.key)) return sessions.get(route.key) ?? null;
    const session = route.caller === 'anonymous' ? null : await sessionFor(platform, await userFor(route.caller));
    sessions.set(route.key, session);
    return session;
  }

  let sequence = 0;
  const sent = new Map<string, number>();
  async function send(route: ProbedRoute, probe: Probe): Promise<Outcome> {
    const session = await sessionOf(route);
    const url = urlOf(route, probe);
    const refusal = refusalReason(route, probe);
    sequence += 1;
    if (route.rateLimited) vi.setSystemTime(Date.now() + PAST_RATE_WINDOW_MS);
    sent.set(route.key, (sent.get(route.key) ?? 0) + 1);
    const headers: Record<string, string> = {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      ...(route.idempotency ? { 'idempotency-key': `bad-input-${sequence}-${randomBytes(6).toString('hex')}` } : {}),
      ...probe.headers,
    };
    let response: LightMyRequestResponse;
    try {
      response = await app.inject({
        method: route.method as InjectOptions['method'],
        url,
        headers,
        ...(probe.payload === undefined ? {} : { payload: probe.payload }),
        // A fresh client address per probe: per-address limits and lockouts never carry from one probe to the next.
        remoteAddress: `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`,
      });
    } catch (error) {
      return { finding: findingOf(route, probe, url, `the request itself failed: ${String(error)}`, undefined) };
    }
    const status = response.statusCode;
    const errorCode = errorBodyOf(response)?.code;
    const problem = judge(url, refusal, response);
    if (!problem) return errorCode ? { errorCode } : {};
    const finding = findingOf(route, probe, url, problem, response);
    if (status >= 500) finding.reproduction += stackOf(errorLines, response);
    return { finding };
  }

  return {
    routes: probedRoutes(seen),
    send,
    sent,
    async close() {
      await app.close();
      await database.close();
      vi.useRealTimers();
    },
  };
}
