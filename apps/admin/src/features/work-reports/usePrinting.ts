import { useSyncExternalStore } from 'react';

const printMedia = typeof window === 'undefined' ? null : window.matchMedia('print');

const subscribe = (onChange: () => void) => {
  printMedia?.addEventListener('change', onChange);
  return () => printMedia?.removeEventListener('change', onChange);
};

/**
 * Whether the page is being laid out for paper (the browser's print, or print emulation): tables drop their action
 * columns and show whole names instead of cutting them short.
 */
export const usePrinting = (): boolean => useSyncExternalStore(subscribe, () => printMedia?.matches ?? false);
