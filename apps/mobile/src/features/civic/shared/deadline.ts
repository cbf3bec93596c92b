import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span in words at the precision a handler plans by: days and hours, or hours and minutes under a day. */
export const spanText = (t: TFunction, ms: number): string => {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.max(1, Math.floor((abs % HOUR) / MINUTE));
  if (days > 0) {
    return hours > 0 ? t('civic.deadline.daysHours', { days, hours }) : t('civic.deadline.days', { count: days });
  }
  if (hours > 0) return t('civic.deadline.hoursMinutes', { hours, minutes: Math.floor((abs % HOUR) / MINUTE) });
  return t('civic.deadline.minutes', { count: minutes });
};

export type DeadlineState = { text: string; tone: 'overdue' | 'soon' | 'ok' | 'none' };

/** 剩 2 天 3 小时 / 已超期 5 小时, with the tone the card paints it in (overdue red, due soon orange). */
export const deadlineState = (t: TFunction, deadlineAt: string | null, now: number, dueSoon = false): DeadlineState => {
  if (deadlineAt === null) return { text: t('civic.deadline.none'), tone: 'none' };
  const left = Date.parse(deadlineAt) - now;
  if (Number.isNaN(left)) return { text: t('civic.deadline.none'), tone: 'none' };
  if (left < 0) return { text: t('civic.deadline.overdue', { time: spanText(t, left) }), tone: 'overdue' };
  return { text: t('civic.deadline.left', { time: spanText(t, left) }), tone: dueSoon ? 'soon' : 'ok' };
};

/** The current time, refreshed every minute so countdowns stay true while a page stays open. */
export const useNow = (): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), MINUTE);
    return () => window.clearInterval(timer);
  }, []);
  return now;
};
