import { useCallback, useRef } from 'react';

/** A UUIDv4; `crypto.randomUUID` exists only in secure contexts, so plain-HTTP deployments get the fallback. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * One key per distinct body (REL-6): a retry of the same submission reuses its key, so the server answers with
 * the stored result instead of creating twice; an edited body gets a fresh key (reusing it would be a 422).
 * Kept in memory only: bodies may hold personal data and never go to browser storage (WEB-7).
 */
export const useIdempotencyKey = (): ((body: unknown) => string) => {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const serialised = JSON.stringify(body);
    if (last.current?.body === serialised) return last.current.key;
    const key = newIdempotencyKey();
    last.current = { body: serialised, key };
    return key;
  }, []);
};
