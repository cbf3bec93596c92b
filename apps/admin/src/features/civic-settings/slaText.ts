import type { SlaBasis } from '@linli/contracts';
import type { TFunction } from 'i18next';

export const MINUTES_PER = { minutes: 1, hours: 60, days: 1440 } as const;
export type SlaUnit = keyof typeof MINUTES_PER;

/** The largest unit the minutes divide into evenly: what the edit form starts with. */
export const unitOf = (minutes: number): SlaUnit =>
  minutes % 1440 === 0 ? 'days' : minutes % 60 === 0 ? 'hours' : 'minutes';

/**
 * A limit as people say it: "2 小时", "1 个工作日", "7 个工作日". A calendar day reads as 24 hours (the 12345 tier
 * for utilities); longer calendar limits in whole days read as days.
 */
export const slaText = (minutes: number, basis: SlaBasis, t: TFunction): string => {
  const work = basis === 'workday';
  if (minutes % 1440 === 0 && (work || minutes >= 2 * 1440)) {
    const n = minutes / 1440;
    return work ? t('civicSettings.sla.text.workDays', { n }) : t('civicSettings.sla.text.days', { n });
  }
  if (minutes % 60 === 0) {
    const n = minutes / 60;
    return work ? t('civicSettings.sla.text.workHours', { n }) : t('civicSettings.sla.text.hours', { n });
  }
  return work
    ? t('civicSettings.sla.text.workMinutes', { n: minutes })
    : t('civicSettings.sla.text.minutes', { n: minutes });
};
