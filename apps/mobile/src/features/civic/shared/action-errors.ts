import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/errors.ts';
import { describeError } from '../../../i18n/describe-error.ts';

/** 412: someone changed the case since it was read. */
export const isStale = (error: unknown): boolean =>
  isApiError(error) && (error.status === 412 || error.code === 'VERSION_STALE');

/** 409 CIVIC_CASE_TRANSITION: the case has moved on and the step no longer applies. */
export const isMovedOn = (error: unknown): boolean =>
  isApiError(error) && error.status === 409 && error.code === 'CIVIC_CASE_TRANSITION';

/** Whether the page should reload the case after this failure (the buttons shown may be out of date). */
export const needsRefresh = (error: unknown): boolean =>
  isStale(error) || isMovedOn(error) || (isApiError(error) && error.code === 'FORBIDDEN');

/** A failed step in words the handler can act on: refreshed-and-explain for 409/412, else the server's reason. */
export const describeActionError = (t: TFunction, error: unknown): string => {
  if (isStale(error)) return t('civic.act.stale');
  if (isMovedOn(error)) return t('civic.act.transition');
  return describeError(t, error);
};
