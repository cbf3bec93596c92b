import { connect, type Socket } from 'node:net';

/**
 * HTTP over a raw socket, for what fetch cannot do: a request whose body arrives slowly (a client on a bad
 * network holding a request open through a shutdown), and a client that vanishes without reading its answer.
 */

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses a whole `Connection: close` response (Fastify sends JSON with a Content-Length, never chunked here). */
function parseResponse(raw: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`no complete HTTP response: ${JSON.stringify(raw.slice(0, 200))}`);
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(end + 4) };
}

export interface RawPost {
  /** Sends what is left of the body. */
  finish(): void;
  /** The whole answer, once the server closes the connection. */
  response: Promise<RawResponse>;
  /** Drops the connection without reading the answer. */
  destroy(): void;
}

/**
 * Opens a connection and POSTs `body` as JSON, sending the headers and only the first `sentFirst` bytes of the
 * body; `finish()` sends the rest. Resolves once those bytes are written.
 */
export function startRawPost(options: {
  port: number;
  path: string;
  body: unknown;
  headers?: Record<string, string>;
  sentFirst?: number;
}): Promise<RawPost> {
  const payload = Buffer.from(JSON.stringify(options.body));
  const sentFirst = options.sentFirst ?? payload.length;
  const head = [
    `POST ${options.path} HTTP/1.1`,
    `Host: 127.0.0.1:${options.port}`,
    'Content-Type: application/json',
    `Content-Length: ${payload.length}`,
    'Connection: close',
    ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(options.port, '127.0.0.1');
    let received = '';
    const response = new Promise<RawResponse>((resolveResponse, rejectResponse) => {
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        received += chunk;
      });
      socket.on('end', () => {
        try {
          resolveResponse(parseResponse(received));
        } catch (error) {
          rejectResponse(error);
        }
      });
      socket.on('error', rejectResponse);
    });
    response.catch(() => {}); // a dropped connection's answer is never awaited
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(head);
      socket.write(payload.subarray(0, sentFirst), () =>
        resolve({
          finish: () => socket.write(payload.subarray(sentFirst)),
          response,
          destroy: () => socket.destroy(),
        }),
      );
    });
  });
}

/** Whether a new TCP connection to the port is refused (nobody listening any more). */
export function isRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** Polls `condition` every 50 ms until it holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
