import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../../api/http.ts';

/** The `details.reason` (or `details.object` / `field`) of the 409s the member pages can run into. */
const REASONS = [
  'no_free_seat',
  'post_closed',
  'claim_not_pending',
  'claim_changed',
  'seats_below_claims',
  'need_not_open',
  'need_status',
  'need_changed',
  'already_rated',
  'not_pending',
  'not_submitted',
  'open_report_in',
  'household_link',
  'address',
] as const;
type Reason = (typeof REASONS)[number];
const isReason = (v: unknown): v is Reason => REASONS.some((r) => r === v);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const reasonOf = (details: unknown): Reason | null => {
  if (!isRecord(details)) return null;
  const found = [details.reason, details.object, details.field].find(isReason);
  return found ?? null;
};

const numberOf = (details: unknown, key: string): number | undefined => {
  const v = isRecord(details) ? details[key] : undefined;
  return typeof v === 'number' ? v : undefined;
};

/**
 * A 409 (`CONFLICT` / `DUPLICATE`) whose reason the page knows, re-worded to say what happened and what to do
 * (the server's own message for these is the generic 操作与当前状态冲突 / 记录已存在). Anything else passes through.
 */
export const explainConflict = (error: unknown, t: TFunction): unknown => {
  if (!isApiError(error) || (error.code !== 'CONFLICT' && error.code !== 'DUPLICATE')) return error;
  const reason = reasonOf(error.details);
  if (!reason) return error;
  const message = t(`service.conflict.${reason}`, {
    seats: numberOf(error.details, 'seats') ?? '—',
    claimed: numberOf(error.details, 'claimedSeats') ?? '—',
  });
  return new ApiError(error.status, error.code, message, error.details, error.requestId);
};

/** For `.catch(…)`: rethrows the failure with its 409 explained. */
export const rethrowExplained =
  (t: TFunction) =>
  (e: unknown): never => {
    throw explainConflict(e, t);
  };

/** `fn` with its 409s explained (a create dialog's POST, an edit dialog's PATCH). */
export const explained =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>, t: TFunction) =>
  (...args: A): Promise<R> =>
    fn(...args).catch((e: unknown) => {
      throw explainConflict(e, t);
    });
