/**
 * Stable error codes. The server maps each to an HTTP status in one table
 * (apps/server/src/platform/errors/error-codes.ts); clients may switch on them.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'MFA_REQUIRED',
  'MFA_INVALID',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PASSWORD_POLICY',
  'PASSWORD_CHANGE_REQUIRED',
  'OTP_INVALID',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'ORG_CYCLE',
  'ORG_HAS_CHILDREN',
  'ROLE_CONFLICT',
  'VERSION_REQUIRED',
  'VERSION_STALE',
  'IDEMPOTENCY_KEY_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_FLIGHT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  /** The action is not allowed from the case's current status (the transition table says no). */
  'CIVIC_CASE_TRANSITION',
  /** The category does not take anonymous reports, or only staff may file it. */
  'CATEGORY_NOT_OPEN',
  /** A reopen after the configured window. */
  'REOPEN_WINDOW_PASSED',
  /** A work-report template quotes a figure that is not in the catalogue or whose module is not built. */
  'REPORT_TEMPLATE_INVALID',
  /** A ledger export is still being written, failed, or its file has expired. */
  'LEDGER_EXPORT_NOT_READY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
