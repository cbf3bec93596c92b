import { isApiError } from '../../../api/errors.ts';
import { newIdempotencyKey } from '../../../api/idempotency.ts';
import { type CaseForm, emptyForm, type FormErrors, fieldKeyOf } from './case-form.ts';
import type { StoredDraft } from './draft-store.ts';

/** How long a send may take before it counts as lost (the draft then waits as 待提交). */
export const SEND_TIMEOUT_MS = 30_000;

/** A new draft: an empty form and the Idempotency-Key that every send of this report will carry. */
export const freshDraft = (id: string, compound: { id: string; name: string } | null): StoredDraft => ({
  id,
  step: 'category',
  form: emptyForm(compound),
  idempotencyKey: newIdempotencyKey(),
  attemptedBody: null,
  pending: false,
  savedAt: new Date().toISOString(),
});

/** A draft from an older version of the app may miss fields added since: fill them from an empty form. */
export const normaliseDraft = (draft: StoredDraft): StoredDraft => ({
  ...draft,
  form: { ...emptyForm(null), ...draft.form } satisfies CaseForm,
});

/**
 * Failures where the server may not have the report (no connection, a timeout, a 5xx, an answer we could not
 * read): the draft is kept and sent again with the same key. Anything else is an answer about the report itself.
 */
export const isNetworkFailure = (error: unknown): boolean => {
  if (error instanceof DOMException) return error.name === 'TimeoutError' || error.name === 'AbortError';
  if (!isApiError(error)) return false;
  return (
    error.code === 'NETWORK' ||
    error.code === 'BAD_RESPONSE' ||
    error.code === 'IDEMPOTENCY_IN_FLIGHT' ||
    error.status >= 500
  );
};

/** The fields a `400 VALIDATION_FAILED` names, each with one plain message. */
export const serverFieldErrors = (error: unknown, message: string): FormErrors => {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return {};
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('issues' in details) || !Array.isArray(details.issues)) {
    return {};
  }
  const errors: FormErrors = {};
  for (const issue of details.issues) {
    const path: unknown = typeof issue === 'object' && issue !== null && 'path' in issue ? issue.path : undefined;
    const joined = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    if (joined !== '') errors[fieldKeyOf(joined)] = message;
  }
  return errors;
};

/** A timeout signal where the browser has one (older WebViews do not: the request then simply waits). */
export const sendSignal = (): AbortSignal | undefined =>
  typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(SEND_TIMEOUT_MS) : undefined;
