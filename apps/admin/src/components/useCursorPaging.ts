import { useCallback, useState } from 'react';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/**
 * Cursor paging with a stack of the cursors that led to each page, so "previous" needs no offset.
 * The stack is cleared whenever `resetKey` (the serialised filters) changes.
 */
export const useCursorPaging = (resetKey: string, initialLimit = 20) => {
  const [stack, setStack] = useState<string[]>([]);
  const [limit, setLimitState] = useState(initialLimit);
  const [lastKey, setLastKey] = useState(resetKey);
  if (lastKey !== resetKey) {
    setLastKey(resetKey);
    setStack([]);
  }
  const next = useCallback((cursor: string) => setStack((s) => [...s, cursor]), []);
  const prev = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack([]), []);
  const setLimit = useCallback((l: number) => {
    setLimitState(l);
    setStack([]);
  }, []);
  return {
    cursor: stack.length > 0 ? stack[stack.length - 1] : undefined,
    limit,
    page: stack.length + 1,
    hasPrev: stack.length > 0,
    next,
    prev,
    reset,
    setLimit,
  };
};

export type CursorPaging = ReturnType<typeof useCursorPaging>;
