import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors.ts';

/** Retry only what may succeed on its own (network loss, a busy server); a 4xx will answer the same again. */
const shouldRetry = (failureCount: number, error: unknown): boolean => {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return false;
  return error.code === 'NETWORK' || error.status >= 500;
};

export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
