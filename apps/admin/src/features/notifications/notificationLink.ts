import type { TFunction } from 'i18next';
import { formatTime } from '../../components/time.ts';

/** Links a notice may carry, and the console route each one opens (the console's routes mirror the API's paths). */
const CONSOLE_ROUTES: readonly RegExp[] = [/^\/civic-cases\/[0-9a-zA-Z-]+$/];

/** The console route a notice's link leads to, or null when the console has no page for it. */
export const consoleRouteOf = (link: string | null): string | null =>
  link && CONSOLE_ROUTES.some((r) => r.test(link)) ? link : null;

const MINUTE = 60_000;

/** "刚刚", "5 分钟前", "3 小时前", then the date and time. */
export const noticeTime = (iso: string, now: number, t: TFunction): string => {
  const diff = now - Date.parse(iso);
  if (diff < MINUTE) return t('notification.justNow');
  if (diff < 60 * MINUTE) return t('notification.minutesAgo', { n: Math.floor(diff / MINUTE) });
  if (diff < 24 * 60 * MINUTE) return t('notification.hoursAgo', { n: Math.floor(diff / (60 * MINUTE)) });
  return formatTime(iso);
};
