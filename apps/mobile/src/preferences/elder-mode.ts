import { useSyncExternalStore } from 'react';
import { readPreference, writePreference } from './storage.ts';

/** 适老化 elder_mode: larger type, higher contrast, bigger touch targets. A device preference, kept locally. */
const CLASS_NAME = 'elder-mode';
const listeners = new Set<() => void>();

let enabled = readPreference('elderMode') === '1';

const apply = (): void => {
  document.documentElement.classList.toggle(CLASS_NAME, enabled);
};

/** Called once before the first render so the page never flashes in the small size. */
export const applyStoredElderMode = (): void => apply();

export const setElderMode = (next: boolean): void => {
  enabled = next;
  writePreference('elderMode', next ? '1' : null);
  apply();
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useElderMode = (): boolean => useSyncExternalStore(subscribe, () => enabled);
