import { ApiError, errorFromResponse } from './errors.ts';

/** Anything with zod's `parse`: the contracts' schemas, used to check every response at the trust boundary. */
export type Parser<T> = { parse(data: unknown): T };

type QueryValue = string | number | boolean | undefined | null;

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  /** Creating POSTs: the same key is sent again on a retry of the same body (REL-6). */
  idempotencyKey?: string;
  /** Edits: the object's `version`, sent as `If-Match: "v<version>"` (REL-7). */
  ifMatch?: number;
  signal?: AbortSignal;
  /**
   * A 401 normally means the session is gone and sends the user to the login page. Sign-in calls, whose 401 is
   * an answer (wrong password, wrong code), turn that off.
   */
  redirectOn401?: boolean;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const API_BASE = '/api/v1';

let csrfToken: string | null = null;
let acceptLanguage: () => string = () => 'zh-CN';
let unauthenticatedListener: ((error: ApiError) => void) | null = null;

/** From `me.csrfToken`; sent as `X-CSRF-Token` on every write (WEB-2). Kept in memory only. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};
export const setAcceptLanguage = (provider: () => string): void => {
  acceptLanguage = provider;
};
export const onUnauthenticated = (listener: (error: ApiError) => void): void => {
  unauthenticatedListener = listener;
};

const buildUrl = (path: string, query: RequestOptions['query']): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
};

const buildHeaders = (method: Method, hasBody: boolean, options: RequestOptions): Headers => {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': acceptLanguage() });
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken !== null) headers.set('X-CSRF-Token', csrfToken);
  if (options.idempotencyKey !== undefined) headers.set('Idempotency-Key', options.idempotencyKey);
  if (options.ifMatch !== undefined) headers.set('If-Match', `"v${options.ifMatch}"`);
  return headers;
};

/** One request; resolves with the parsed JSON body (or `undefined` for 204), rejects with `ApiError`. */
const send = async (method: Method, path: string, body: unknown, options: RequestOptions): Promise<unknown> => {
  const hasBody = body !== undefined;
  // A multipart upload: the browser writes its own Content-Type with the boundary.
  const isForm = body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, hasBody && !isForm, options),
      body: isForm ? body : hasBody ? JSON.stringify(body) : null,
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: '' });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && options.redirectOn401 !== false) unauthenticatedListener?.(error);
    throw error;
  }
  if (response.status === 204) return undefined;
  try {
    return await response.json();
  } catch {
    throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: '' });
  }
};

const parseWith = <T>(parser: Parser<T>, data: unknown, path: string): T => {
  try {
    return parser.parse(data);
  } catch (cause) {
    // A contract mismatch between this app and the server: worth a console line, never a crash.
    console.error(`Unexpected response from ${path}`, cause);
    throw new ApiError({ status: 200, code: 'BAD_RESPONSE', message: '' });
  }
};

export const api = {
  get: async <T>(path: string, parser: Parser<T>, options: RequestOptions = {}): Promise<T> =>
    parseWith(parser, await send('GET', path, undefined, options), path),

  post: async <T>(path: string, body: unknown, parser: Parser<T>, options: RequestOptions = {}): Promise<T> =>
    parseWith(parser, await send('POST', path, body, options), path),

  /** A multipart upload (e.g. `POST /files` with field `file`). */
  upload: async <T>(path: string, form: FormData, parser: Parser<T>, options: RequestOptions = {}): Promise<T> =>
    parseWith(parser, await send('POST', path, form, options), path),

  /** A write whose answer carries nothing the UI needs (204, or a body that is ignored). */
  postVoid: async (path: string, body: unknown, options: RequestOptions = {}): Promise<void> => {
    await send('POST', path, body, options);
  },
};
