import { CIVIC_LABELS } from '@linli/contracts';
import { HOUR_MS } from '../../../platform/clock.ts';

/** The ledger's Chinese words, the same the console shows (docs/glossary.md § 民情 vocabulary). */
const ZH = CIVIC_LABELS['zh-CN'];
export const STATUS_LABEL = ZH.status;
export const END_TYPE_LABEL = ZH.endType;
export const URGENCY_LABEL = ZH.urgency;
export const CHANNEL_LABEL = ZH.channel;
export const RATING_LABEL = ZH.rating;
export const EVENT_LABEL = ZH.event;
export const VOID_REASON_LABEL = ZH.voidReason;

/** An instant as the county reads it, `YYYY-MM-DD HH:mm` in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiMinute(iso: string | null): string {
  if (iso === null) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * HOUR_MS);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}
