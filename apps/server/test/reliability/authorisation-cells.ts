import { randomUUID } from 'node:crypto';
import type { Role } from '@linli/contracts';
import type { LightMyRequestResponse } from 'fastify';
import type { Session } from '../harness.ts';
import type { World } from './authorisation-world.ts';

/**
 * The vocabulary of the authorisation matrix (SEC-9, SEC-10): which object a cell addresses, the request a route
 * builds for it, and how an answer is classified. The classes, as written in `authorisation-matrix.expected.md`:
 *
 * | class   | answer                                                                                          |
 * |---------|-------------------------------------------------------------------------------------------------|
 * | allow   | 2xx (a list of a side: with at least one row); `allow (302)` for the API docs' redirect         |
 * | empty   | 2xx list or export of a side with no rows: the route ran, its scope filter left nothing to show |
 * | deny    | 403 FORBIDDEN; `deny (401)` without a session; `deny (404)` where the object is hidden or the     |
 * |         | caller's own record does not exist (self-service routes answer NOT_FOUND, not 403)              |
 * | refused | 2xx that changed nothing: the route reports the refusal in its body, or left the object as it was |
 * | conflict| 409 or 422: stopped by a state or uniqueness rule; the review checks that authorisation ran first |
 * | invalid | 400 or 428: the request builder is wrong (a deny must be a deny, not a validation failure)       |
 * | error   | 5xx, 412, or 429 (every cell has its own client address, so a rate limit never applies)          |
 *
 * The status follows the class in brackets where it is not the class's usual one: `deny (404)`, `conflict (409)`.
 * An unbracketed `allow` or `refused` is any 2xx, `empty` 200, `deny` exactly 403.
 */
export type Side = 'in' | 'out';
export const SIDES: readonly Side[] = ['in', 'out'];

export type OutcomeClass = 'allow' | 'empty' | 'refused' | 'deny' | 'conflict' | 'invalid' | 'error';

export interface Outcome {
  cls: OutcomeClass;
  status: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request of one cell; `url` is the concrete path with its query string. */
export interface CellRequest {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** A raw payload (multipart uploads, Open311 forms) sent as is, with its content-type in `headers`. */
  payload?: string | Buffer;
  /**
   * Call as a twin of the caller (same role and scope, its own account and session) because the call changes
   * the account itself (sign out, password change) and the caller's session must serve the next cells.
   */
  asTwin?: boolean;
}

/** Who calls a cell: a matrix actor, or nobody (the anonymous row). */
export interface Caller {
  key: string;
  role: Role | null;
  session: Session | null;
  userId: string | null;
}

export interface BuildArgs {
  world: World;
  side: Side;
  caller: Caller;
}

/**
 * How to call one route. `scoped` routes address an object (or a filter) on side A for `in` and on side B for
 * `out`; `unscoped` ones have nothing to place on a side (the caller's own record, county-wide settings, public
 * routes) and are called once, `why` saying so in the expected file.
 */
export interface RouteRequests {
  scope: 'scoped' | 'unscoped';
  why?: string;
  build(args: BuildArgs): Promise<CellRequest>;
  /**
   * For a route whose 2xx may hide a refusal (bulk dispatch lists its failures; marking someone else's
   * notifications read touches nothing): true when the call left the addressed object as it was → `refused`.
   */
  refusedIn?: (args: BuildArgs, response: LightMyRequestResponse) => Promise<boolean>;
  /** For an answer that is not a JSON page (a CSV or xlsx export, a report's rows): true when it holds no rows. */
  emptyIn?: (response: LightMyRequestResponse) => Promise<boolean>;
}

export type RequestTable = Record<string, RouteRequests>;

/** A route key as the route table and the expected file spell it: `GET /api/v1/grids/:id`. */
export const routeKey = (method: string, url: string): string => `${method} ${url}`;

export async function classify(
  response: LightMyRequestResponse,
  entry: RouteRequests,
  args: BuildArgs,
): Promise<Outcome> {
  const status = response.statusCode;
  if (status >= 200 && status < 300) {
    if (await entry.refusedIn?.(args, response)) return { cls: 'refused', status };
    // Only a side's filter can come back empty for want of scope; an unscoped list (the caller's own records) is
    // as long as the caller's history, which the cells before it changed.
    if (entry.scope === 'unscoped') return { cls: 'allow', status };
    const isEmpty = entry.emptyIn ? await entry.emptyIn(response) : isEmptyPage(response);
    return { cls: isEmpty ? 'empty' : 'allow', status };
  }
  // The API docs redirect to their index page: answered, not refused.
  if (status >= 300 && status < 400) return { cls: 'allow', status };
  if (status === 401 || status === 403 || status === 404) return { cls: 'deny', status };
  if (status === 409 || status === 422) return { cls: 'conflict', status };
  if (status === 400 || status === 428) return { cls: 'invalid', status };
  return { cls: 'error', status };
}

function isEmptyPage(response: LightMyRequestResponse): boolean {
  if (!String(response.headers['content-type'] ?? '').includes('application/json')) return false;
  const body = response.json() as { items?: unknown };
  return Array.isArray(body?.items) && body.items.length === 0;
}

/** A CSV export with its header line only. */
export const isEmptyCsv = async (response: LightMyRequestResponse): Promise<boolean> =>
  response.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/).length <= 1;

/** The status a class stands for when the cell does not pin one. */
const DEFAULT_STATUS: Partial<Record<OutcomeClass, (status: number) => boolean>> = {
  allow: (s) => s >= 200 && s < 300,
  empty: (s) => s === 200,
  deny: (s) => s === 403,
  refused: (s) => s >= 200 && s < 300,
};

/** `deny`, `deny (404)`, `allow (409)`: the class, and the status only when it differs from the default. */
export function formatOutcome(outcome: Outcome): string {
  const isDefault = DEFAULT_STATUS[outcome.cls]?.(outcome.status) ?? false;
  return isDefault ? outcome.cls : `${outcome.cls} (${outcome.status})`;
}

/** Whether an answer satisfies an expected cell text. */
export function matchesCell(expected: string, outcome: Outcome): boolean {
  const parsed = /^(\w+)(?: \((\d{3})\))?$/.exec(expected);
  if (!parsed) return false;
  const [, cls, status] = parsed;
  if (cls !== outcome.cls) return false;
  if (status) return Number(status) === outcome.status;
  return DEFAULT_STATUS[outcome.cls]?.(outcome.status) ?? false;
}

/** A fresh Idempotency-Key (REL-6): every cell is a first request, never a replay of another cell's. */
export const idempotencyKey = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

/** `?a=1&b=2` from the defined entries, or '' without any. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined);
  if (entries.length === 0) return '';
  return `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}

export const API = '/api/v1';

/** A multipart/form-data body with one `file` part (member imports upload an xlsx this way). */
export function multipart(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----linli-matrix-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
