/**
 * Device preferences only (language, elder mode). Nothing personal is ever written to browser storage (WEB-7):
 * every key goes through this allowlist.
 */
const KEYS = { locale: 'linli.m.locale', elderMode: 'linli.m.elderMode' } as const;
export type PreferenceKey = keyof typeof KEYS;

export const readPreference = (key: PreferenceKey): string | null => {
  try {
    return window.localStorage.getItem(KEYS[key]);
  } catch {
    return null;
  }
};

export const writePreference = (key: PreferenceKey, value: string | null): void => {
  try {
    if (value === null) window.localStorage.removeItem(KEYS[key]);
    else window.localStorage.setItem(KEYS[key], value);
  } catch {
    // Private browsing or storage disabled: the preference lasts for this visit only.
  }
};
