import type { RouteOptions } from 'fastify';
import type { ZodType } from 'zod';
import { isZodSchema } from './bad-input.schema-walk.ts';
import { validValueOf } from './bad-input.valid-values.ts';

/** Who sends a route's probes: someone the route admits, so that validation — not auth — is what answers. */
export type Caller =
  | 'county_admin'
  | 'sys_admin'
  | 'security_admin'
  | 'auditor'
  | 'member'
  | 'resident'
  /** A throwaway account of the route's own: password, TOTP and logout probes change the account they run on. */
  | 'own_account'
  | 'anonymous';

/** First match wins; everything else is the county administrator's. */
const CALLERS: readonly (readonly [RegExp, Caller])[] = [
  [/^\/api\/v1\/accounts\/:id\/roles/, 'security_admin'],
  [/^\/api\/v1\/accounts/, 'sys_admin'],
  [/^\/api\/v1\/security\//, 'security_admin'],
  [/^\/api\/v1\/audit/, 'auditor'],
  // Sign-in steps before a session exists: they carry their own challenge or code.
  [/^\/api\/v1\/auth\/(login|register|otp\/|totp\/|password\/initial)/, 'anonymous'],
  [/^\/api\/v1\/auth\//, 'own_account'],
  [/^\/api\/v1\/me\/civic-cases/, 'resident'],
  [/^\/api\/v1\/me\/(report-in|member|badge|posts|claims|needs|service-records|services-to-rate)/, 'member'],
  [/^\/api\/v1\/(posts\/:id\/claims|needs\/:id\/claim|post-claims\/:id\/withdraw)/, 'member'],
  [/^\/api\/v1\/public\/|^\/open311\/|^\/healthz|^\/api\/docs/, 'anonymous'],
];

export interface ProbedRoute {
  /** `POST /api/v1/compounds`: how findings name the route. */
  key: string;
  method: string;
  url: string;
  paramNames: string[];
  body?: ZodType;
  querystring?: ZodType;
  params?: ZodType;
  /** Open311 answers failures with the spec's error list, not the `/api/v1` envelope. */
  open311: boolean;
  /** multipart/form-data, read in the handler. */
  multipart: boolean;
  rateLimited: boolean;
  idempotency: boolean;
  /** POST, PUT, PATCH: the methods a client sends a body with. */
  takesBody: boolean;
  caller: Caller;
}

/** A route's valid inputs: the baseline each probe breaks in one place. */
export interface Baseline {
  body: unknown;
  query: unknown;
  params: Record<string, unknown>;
}

const methodsOf = (route: RouteOptions): string[] => (Array.isArray(route.method) ? route.method : [route.method]);
const paramNamesOf = (url: string): string[] => [...url.matchAll(/:([A-Za-z]+)|\*/g)].map((match) => match[1] ?? '*');
const callerOf = (url: string): Caller => CALLERS.find(([pattern]) => pattern.test(url))?.[1] ?? 'county_admin';

const schemaAt = (route: RouteOptions, key: 'body' | 'querystring' | 'params'): ZodType | undefined => {
  const schema = (route.schema as Record<string, unknown> | undefined)?.[key];
  return isZodSchema(schema) ? schema : undefined;
};

/**
 * Every route the app registers, once per method. HEAD is left out: Fastify answers it with the GET handler and
 * the same schemas, so it would only repeat the GET probes.
 */
export function probedRoutes(routes: readonly RouteOptions[]): ProbedRoute[] {
  const probed: ProbedRoute[] = [];
  for (const route of routes) {
    for (const method of methodsOf(route)) {
      if (method === 'HEAD') continue;
      const body = schemaAt(route, 'body');
      const querystring = schemaAt(route, 'querystring');
      const params = schemaAt(route, 'params');
      probed.push({
        key: `${method} ${route.url}`,
        method,
        url: route.url,
        paramNames: paramNamesOf(route.url),
        ...(body ? { body } : {}),
        ...(querystring ? { querystring } : {}),
        ...(params ? { params } : {}),
        open311: route.config?.open311 === true,
        multipart: route.config?.multipart === true,
        rateLimited: route.config?.rateLimit !== undefined,
        idempotency: route.config?.idempotency !== undefined,
        takesBody: method === 'POST' || method === 'PUT' || method === 'PATCH',
        caller: callerOf(route.url),
      });
    }
  }
  return probed;
}

/** Path parameters that have no zod schema: an Open311 document name, a static file under the docs. */
const SCHEMALESS_PARAMS: Record<string, string> = { file: 'MS01.json', '*': 'index.html' };

export function baselineOf(route: ProbedRoute): Baseline {
  const params = route.params ? validValueOf(route.params) : {};
  const byName = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  return {
    body: route.body ? validValueOf(route.body) : undefined,
    query: route.querystring ? validValueOf(route.querystring) : undefined,
    params: Object.fromEntries(route.paramNames.map((name) => [name, byName[name] ?? SCHEMALESS_PARAMS[name] ?? 'x'])),
  };
}

/** The paths of every string in a JSON value, in document order: where the huge and invalid strings go. */
export function stringPaths(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [[...path]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  }
  return [];
}

/** The paths of every number in a JSON value. */
export function numberPaths(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'number') return [[...path]];
  if (Array.isArray(value)) return value.flatMap((item, i) => numberPaths(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => numberPaths(item, [...path, key]));
  }
  return [];
}
