import type { Locale } from '@linli/contracts';

const TIME_ZONE = 'Asia/Shanghai';

/** A stored UTC timestamp shown in Asia/Shanghai, e.g. 2025/3/5 14:02. */
export const formatDateTime = (iso: string, locale: Locale): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
};

export const formatDate = (iso: string, locale: Locale): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(date);
};

/** 15-digit grid code split as area · street · community · sequence for reading aloud. */
export const formatGridCode = (code: string): string =>
  /^\d{15}$/.test(code) ? `${code.slice(0, 6)} ${code.slice(6, 9)} ${code.slice(9, 12)} ${code.slice(12)}` : code;

export const formatCount = (value: number, locale: Locale): string => new Intl.NumberFormat(locale).format(value);

/** Service hours with at most one decimal: 1.5, 12. */
export const formatHours = (value: number, locale: Locale): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);

/** Today's calendar date in Asia/Shanghai as `YYYY-MM-DD` (what the API's date-only fields hold). */
export const todayInShanghai = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
