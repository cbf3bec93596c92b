import { ErrorBodySchema } from '@linli/contracts';

/** Codes the client itself produces, next to the server's `ERROR_CODES`. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** Any failed API call: the server's `{ error: { code, message, details } }`, or a client-side failure. */
export class ApiError extends Error {
  readonly status: number;
  /** One of the contracts' `ERROR_CODES`, a module-specific code, or a `ClientErrorCode`. */
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;
  /** Seconds from a `Retry-After` header (rate limits). */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    requestId?: string | undefined;
    retryAfter?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const parseRetryAfter = (header: string | null): number | undefined => {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
};

/** Turns a non-2xx response into an `ApiError`, tolerating bodies that are not the documented error shape. */
export const errorFromResponse = async (response: Response): Promise<ApiError> => {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: fall through to a status-based error.
  }
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError({ status: response.status, code, message, details, requestId, retryAfter });
  }
  const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 429 ? 'RATE_LIMITED' : 'INTERNAL';
  return new ApiError({ status: response.status, code, message: '', retryAfter });
};

/** Field messages from a `400 VALIDATION_FAILED` (`details.issues: [{ path, message }]`), keyed by the first path segment. */
export const validationIssues = (error: unknown): Record<string, string> => {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return {};
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('issues' in details) || !Array.isArray(details.issues)) {
    return {};
  }
  const result: Record<string, string> = {};
  for (const issue of details.issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const path: unknown = 'path' in issue ? issue.path : undefined;
    const message: unknown = 'message' in issue ? issue.message : undefined;
    const first = Array.isArray(path) ? path[0] : typeof path === 'string' ? path.split('.')[0] : undefined;
    if ((typeof first === 'string' || typeof first === 'number') && typeof message === 'string') {
      result[String(first)] ??= message;
    }
  }
  return result;
};

/** `details.reason` of an API error (`not_on_roster`, `no_free_seat`, `post_closed`, `need_not_open` …), if any. */
export const errorReason = (error: unknown): string | undefined => {
  if (!isApiError(error)) return undefined;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('reason' in details)) return undefined;
  return typeof details.reason === 'string' ? details.reason : undefined;
};
