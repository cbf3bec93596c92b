import type { Baseline, ProbedRoute } from './bad-input.route-table.ts';
import { accepts } from './bad-input.schema-walk.ts';

/**
 * One request sent at one route, in wire form (so the junk can be anything bytes can be), and whether the
 * route must refuse it — decided before sending, from the route's own schemas and the HTTP framing.
 */
export interface Probe {
  /** What is wrong with it, e.g. `body.name: too long` or `Content-Type: text/plain`. */
  name: string;
  /** Path parameters as they stand in the URL, already percent-encoded. */
  pathParams: Record<string, string>;
  /** The query string without `?`, already encoded; empty for none. */
  query: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  /**
   * Set when the HTTP framing itself is broken (malformed or poisoned JSON, a wrong Content-Length, a body over
   * the limit, a media type no parser takes): every route that reads a body must refuse it, whatever its schema.
   */
  framing?: string;
}

/** How many fields get the per-field junk: the first in the fast run, every one at full size. */
export interface JunkSize {
  everyField: boolean;
}

export const fieldsOf = <T>(fields: T[], size: JunkSize): T[] => (size.everyField ? fields : fields.slice(0, 1));

const JSON_TYPE = { 'content-type': 'application/json' };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `encodeURIComponent`, except that a lone surrogate (which it cannot encode) goes as U+FFFD, as a browser sends it. */
export const encodeText = (text: string): string => encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'));

const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** The route's path parameters as the URL carries them; one the input lacks stands empty. */
const encodePathParams = (route: ProbedRoute, params: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(route.paramNames.map((name) => [name, encodeText(asText(params[name] ?? ''))]));

/** A query object as a URL carries it; a list repeats its key, and anything but an object goes as it is. */
export function encodeQuery(query: unknown): string {
  if (query === undefined || query === null) return '';
  if (typeof query !== 'object' || Array.isArray(query)) return encodeText(asText(query));
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value])
      parts.push(`${encodeText(key)}=${encodeText(asText(item))}`);
  }
  return parts.join('&');
}

/** A probe carrying the route's baseline, with `changes` made; the JSON body is serialised here. */
export function probeFrom(
  route: ProbedRoute,
  baseline: Baseline,
  name: string,
  changes: { body?: unknown; query?: unknown; params?: Record<string, unknown> } = {},
): Probe {
  const body = 'body' in changes ? changes.body : baseline.body;
  const hasBody = route.takesBody && body !== undefined;
  return {
    name,
    pathParams: encodePathParams(route, changes.params ?? baseline.params),
    query: encodeQuery('query' in changes ? changes.query : baseline.query),
    ...(hasBody ? { payload: JSON.stringify(body) } : {}),
    headers: hasBody ? { ...JSON_TYPE } : {},
  };
}

export const urlOf = (route: ProbedRoute, probe: Probe): string => {
  const path = route.url.replace(
    /:([A-Za-z]+)|\*/g,
    (_, name: string | undefined) => probe.pathParams[name ?? '*'] ?? '',
  );
  return probe.query ? `${path}?${probe.query}` : path;
};

/** The query as Fastify hands it to the validator: repeated keys become a list. */
function queryView(query: string): Record<string, string | string[]> {
  // Without a prototype, as Fastify's parser makes it: `__proto__=x` is then a key like any other.
  const view: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(query)) {
    const seen = view[key];
    view[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return view;
}

function paramsView(params: Record<string, string>): Record<string, string> | undefined {
  try {
    return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    return undefined;
  }
}

/** The body as Fastify's JSON or text parser hands it on; `undefined` without one. */
function bodyView(probe: Probe): { parsed: boolean; value?: unknown } {
  if (probe.payload === undefined || probe.payload.length === 0) return { parsed: true };
  const type = probe.headers['content-type'] ?? '';
  const text = probe.payload.toString();
  if (type.startsWith('text/plain')) return { parsed: true, value: text };
  // @fastify/multipart leaves the body empty: the handler streams the parts.
  if (type.startsWith('multipart/form-data')) return { parsed: true };
  if (!type.startsWith('application/json')) return { parsed: false };
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch {
    return { parsed: false };
  }
}

/**
 * Why the route must refuse this probe, or undefined when it may accept it: broken framing, or a body, query
 * or params its own zod schema rejects (checked with the very schema the server validates with).
 */
export function refusalReason(route: ProbedRoute, probe: Probe): string | undefined {
  if (probe.framing && route.takesBody) return probe.framing;
  const params = paramsView(probe.pathParams);
  if (route.params && (params === undefined || !accepts(route.params, params))) return 'params refused by schema';
  if (route.querystring && !accepts(route.querystring, queryView(probe.query))) return 'query refused by schema';
  if (!route.body || !route.takesBody) return undefined;
  const body = bodyView(probe);
  if (body.parsed && !accepts(route.body, body.value)) return 'body refused by schema';
  return undefined;
}
