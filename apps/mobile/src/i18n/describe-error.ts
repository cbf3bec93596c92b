import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors.ts';
import { zhCN } from './zh-CN.ts';

type LocalErrorCode = keyof typeof zhCN.errors;
const isLocalErrorCode = (code: string): code is LocalErrorCode => Object.hasOwn(zhCN.errors, code);

/** Our own wording beats the server's for these: technical causes the user cannot act on differently. */
const PREFER_LOCAL = new Set(['NETWORK', 'BAD_RESPONSE', 'INTERNAL', 'CSRF_REJECTED', 'UNAUTHENTICATED']);

/**
 * A friendly sentence for any failure. The server's message is already in the user's language and often more
 * specific (the password rule that failed, how long a lockout lasts), so it wins unless the cause is technical.
 */
export const describeError = (t: TFunction, error: unknown): string => {
  if (!isApiError(error)) return t('errors.generic');
  if (error.code === 'RATE_LIMITED' && error.retryAfter !== undefined && error.retryAfter > 0) {
    return t('errors.rateLimitedWait', { seconds: error.retryAfter });
  }
  const local = isLocalErrorCode(error.code) ? t(`errors.${error.code}`) : null;
  if (local !== null && PREFER_LOCAL.has(error.code)) return local;
  if (error.message.trim() !== '') return error.message;
  return local ?? t('errors.generic');
};

export const useDescribeError = (): ((error: unknown) => string) => {
  const { t } = useTranslation();
  return useCallback((error: unknown) => describeError(t, error), [t]);
};
