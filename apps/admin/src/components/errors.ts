import type { TFunction } from 'i18next';
import { isApiError } from '../api/http.ts';

/** What to tell the user about a failed request: the server's own message, or ours when there is none. */
export const errorText = (error: unknown, t: TFunction): string => {
  if (isApiError(error)) {
    if (error.code === 'NETWORK_ERROR') return t('common.errors.network');
    if (error.code === 'VERSION_STALE') return t('common.errors.versionStale');
    if (error.code === 'BAD_RESPONSE' || /^HTTP \d+$/.test(error.message)) {
      return t('common.fmt.withNote', { text: t('common.errors.actionFailed'), note: `HTTP ${error.status}` });
    }
    return error.message;
  }
  return t('common.errors.actionFailed');
};

export const isVersionStale = (error: unknown): boolean => isApiError(error) && error.code === 'VERSION_STALE';

export const requestIdOf = (error: unknown): string | undefined => (isApiError(error) ? error.requestId : undefined);
