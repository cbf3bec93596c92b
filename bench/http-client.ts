import http from 'node:http';

/** A signed-in client: the session cookie (`name=value`) and the CSRF token every write must echo (WEB-2). */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface CallOptions {
  body?: unknown;
  session?: Session | null;
  headers?: Record<string, string>;
  /**
   * The loopback address to connect from (any of 127.0.0.0/8 on Linux). Linli limits sign-ins per client IP
   * (WEB-3); registering a thousand residents from one address would be a thousand phones behind one NAT.
   */
  localAddress?: string;
}

export interface CallResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One keep-alive pool; node keys its sockets by local address too, so each source address gets its own. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`${method} ${path} answered ${status}: ${responseText.slice(0, 500)}`);
  }
}

/** The client of one server: plain node:http, so the bench measures Linli and not a client library. */
export function httpClient(baseUrl: string) {
  const base = new URL(baseUrl);

  function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (payload) headers['content-type'] = 'application/json';
    if (options.session) {
      headers.cookie = options.session.cookie;
      headers['x-csrf-token'] = options.session.csrfToken;
    }
    return new Promise((resolveCall, reject) => {
      const request = http.request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          headers,
          agent,
          ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolveCall({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** A call that must answer 2xx with JSON; anything else throws with the answer in the message. */
  async function json<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const result = await call(method, path, options);
    if (result.status < 200 || result.status > 299) {
      throw new HttpError(method, path, result.status, result.body.toString('utf8'));
    }
    return JSON.parse(result.body.toString('utf8')) as T;
  }

  return { baseUrl, call, json, get: <T>(path: string, options?: CallOptions) => json<T>('GET', path, options) };
}

export type HttpClient = ReturnType<typeof httpClient>;

/** The `name=value` of the session cookie a sign-in answer set. */
export function sessionCookieOf(headers: http.IncomingHttpHeaders): string {
  const cookie = (headers['set-cookie'] ?? [])
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.includes('='));
  if (!cookie) throw new Error('the sign-in answer set no session cookie');
  return cookie;
}

/** Closes the idle keep-alive sockets so the process can exit. */
export const closeHttpClients = (): void => agent.destroy();
