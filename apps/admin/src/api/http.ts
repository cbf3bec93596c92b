import type { ErrorBody, ErrorCode } from '@linli/contracts';

/** Base path of the HTTP API; the server serves it on the same origin as the console. */
export const API_BASE = '/api/v1';

/** Codes the client itself produces when there is no server answer to read. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export type FieldIssue = { path: (string | number)[]; message: string };

/** `{ error: { code, message, details } }` from the server, or a client-side failure, as one type. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(
    status: number,
    code: ErrorCode | ClientErrorCode,
    message: string,
    details?: unknown,
    requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** Field errors of a `400 VALIDATION_FAILED` (`details.issues: [{ path, message }]`). */
  get fieldIssues(): FieldIssue[] {
    const issues = isRecord(this.details) ? this.details.issues : undefined;
    if (!Array.isArray(issues)) return [];
    const out: FieldIssue[] = [];
    for (const issue of issues) {
      if (!isRecord(issue) || typeof issue.message !== 'string') continue;
      out.push({ path: normalisePath(issue.path), message: issue.message });
    }
    return out;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Where the server says the input was: `body.parties.0.name` → `['parties', 0, 'name']` (as the form names it). */
const REQUEST_PARTS = new Set(['body', 'query', 'querystring', 'params', 'headers']);
const normalisePath = (path: unknown): (string | number)[] => {
  let parts: (string | number)[] = [];
  if (Array.isArray(path))
    parts = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  else if (typeof path === 'string' && path.length > 0) {
    parts = path
      .replace(/^\//, '')
      .split(/[./]/)
      .filter((p) => p.length > 0)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  }
  return typeof parts[0] === 'string' && REQUEST_PARTS.has(parts[0]) ? parts.slice(1) : parts;
};

// ---------- session-wide settings, set by the app shell ----------

let csrfToken: string | null = null;
let currentLanguage: () => string = () => 'zh-CN';
let unauthenticatedHandler: ((error: ApiError) => void) | null = null;

/** The `csrfToken` of the current session (`me.csrfToken`); sent as `X-CSRF-Token` on every write. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};
/** Where `Accept-Language` comes from: the UI language. */
export const setLanguageSource = (source: () => string): void => {
  currentLanguage = source;
};
/** Called on a 401 from a session-bound request (the session expired or was never there). */
export const setUnauthenticatedHandler = (handler: ((error: ApiError) => void) | null): void => {
  unauthenticatedHandler = handler;
};

// ---------- requests ----------

/** Query parameters: strings, numbers and booleans are sent; empty strings, null and undefined are left out. */
export type QueryParams = object;

export type RequestOptions = {
  query?: QueryParams | undefined;
  body?: unknown;
  /** Sends `If-Match: "v<version>"` (PATCH / PUT on a versioned object). */
  version?: number | undefined;
  /** Sends this `If-Match` value as is (an `ETag` read from a GET). */
  ifMatch?: string | undefined;
  /** Sends `Idempotency-Key` (creating POSTs); keep the same key when retrying the same form. */
  idempotencyKey?: string | undefined;
  /** Auth-flow calls handle 401 themselves instead of going to the login page. */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal | undefined;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const buildUrl = (path: string, query?: QueryParams): string => {
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value === '' || !['string', 'number', 'boolean'].includes(typeof value)) continue;
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
};

const buildHeaders = (method: Method, opts: RequestOptions): Headers => {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLanguage() });
  // A multipart body (a file upload) gets its Content-Type, with the boundary, from the browser.
  if (opts.body !== undefined && !(opts.body instanceof FormData)) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  if (opts.version !== undefined) headers.set('If-Match', `"v${opts.version}"`);
  else if (opts.ifMatch) headers.set('If-Match', opts.ifMatch);
  if (opts.idempotencyKey) headers.set('Idempotency-Key', opts.idempotencyKey);
  return headers;
};

const toApiError = async (res: Response): Promise<ApiError> => {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy page, an empty body): fall through to a generic error
  }
  const err = isRecord(body) && isRecord(body.error) ? (body as ErrorBody).error : null;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    return new ApiError(res.status, err.code as ErrorCode, err.message, err.details, err.requestId);
  }
  const code: ErrorCode | ClientErrorCode =
    res.status === 401 ? 'UNAUTHENTICATED' : res.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE';
  return new ApiError(res.status, code, `HTTP ${res.status}`);
};

const send = async (method: Method, path: string, opts: RequestOptions): Promise<Response> => {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers: buildHeaders(method, opts),
      body: opts.body === undefined ? undefined : opts.body instanceof FormData ? opts.body : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : 'network error');
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !opts.skipAuthRedirect) unauthenticatedHandler?.(error);
    throw error;
  }
  return res;
};

const parse = async <T>(res: Response): Promise<T> => {
  if (res.status === 204 || res.headers.get('Content-Length') === '0') return undefined as T;
  const text = await res.text();
  if (text.length === 0) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', 'invalid JSON');
  }
};

export const request = async <T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> =>
  parse<T>(await send(method, path, opts));

/** A GET that also returns the `ETag` (for objects whose body carries no `version`). */
export const getWithEtag = async <T>(
  path: string,
  opts: RequestOptions = {},
): Promise<{ data: T; etag: string | null }> => {
  const res = await send('GET', path, opts);
  return { data: await parse<T>(res), etag: res.headers.get('ETag') };
};

export const http = {
  get: <T>(path: string, query?: QueryParams, opts: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T = void>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
};

const filenameFrom = (disposition: string | null): string | null => {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // malformed: try the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
};

/** Downloads a file (an `/export` CSV) with the session cookie and saves it under the server's file name. */
export const download = async (path: string, query: QueryParams, fallbackName: string): Promise<void> => {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFrom(res.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** A fresh `Idempotency-Key`. `crypto.randomUUID` needs a secure context; fall back to `getRandomValues`. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
