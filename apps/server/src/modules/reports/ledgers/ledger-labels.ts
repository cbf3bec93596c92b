import { CIVIC_LABELS, type RolloutStage } from '@linli/contracts';
import { HOUR_MS } from '../../../platform/clock.ts';

/** The registers' Chinese words; 民情 words come from the one set in contracts, as the console shows them. */
export const CIVIC_ZH = CIVIC_LABELS['zh-CN'];

export const STAGE_LABEL: Record<RolloutStage, string> = {
  pilot: '试点先行',
  validation: '验证建设',
  rollout: '全面铺开',
};

export const MEMBER_REPORT_IN_LABEL: Record<'none' | 'pending' | 'confirmed' | 'rejected' | 'withdrawn', string> = {
  none: '未报到',
  pending: '待确认',
  confirmed: '已报到',
  rejected: '未通过',
  withdrawn: '已撤回',
};

export const ORG_REPORT_IN_LABEL: Record<'submitted' | 'received' | 'withdrawn', string> = {
  submitted: '待接收',
  received: '已接收',
  withdrawn: '已撤回',
};

export const POST_STATUS_LABEL: Record<'open' | 'closed', string> = { open: '在岗', closed: '已撤岗' };

export const MEDIATION_OUTCOME_LABEL: Record<'pending' | 'agreed' | 'failed', string> = {
  pending: '调解中',
  agreed: '调解成功',
  failed: '调解不成',
};

export const yesNo = (value: number | boolean | null): string | null =>
  value === null ? null : value === true || value === 1 ? '是' : '否';

const shifted = (iso: string): string => new Date(new Date(iso).getTime() + 8 * HOUR_MS).toISOString();

/** An instant as the county reads it, `YYYY-MM-DD HH:mm` in Asia/Shanghai (UTC+8, no daylight saving). */
export const shanghaiMinute = (iso: string | null): string | null =>
  iso === null ? null : shifted(iso).slice(0, 16).replace('T', ' ');

/** `MM-DD` in Asia/Shanghai, for the condensed 办理过程 column. */
export const shanghaiMonthDay = (iso: string): string => shifted(iso).slice(5, 10);
