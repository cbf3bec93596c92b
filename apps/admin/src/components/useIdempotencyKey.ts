import { useCallback, useEffect, useState } from 'react';
import { isApiError, newIdempotencyKey } from '../api/http.ts';

/**
 * One `Idempotency-Key` per opening of a create form. Kept across retries (a network error or 5xx may have
 * created the object, and the replay returns it); replaced after the server definitely refused the request,
 * because the corrected form is a different body and reusing the key would answer 422 IDEMPOTENCY_KEY_REUSED.
 */
export const useIdempotencyKey = (open = true) => {
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (open) setKey(newIdempotencyKey());
  }, [open]);
  const afterError = useCallback((error: unknown) => {
    if (!isApiError(error)) return;
    const refused = error.status >= 400 && error.status < 500 && error.code !== 'IDEMPOTENCY_IN_FLIGHT';
    if (refused) setKey(newIdempotencyKey());
  }, []);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return { key, afterError, renew };
};
