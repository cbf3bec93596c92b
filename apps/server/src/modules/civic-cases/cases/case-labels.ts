import type {
  CivicCaseEndType,
  CivicCaseEventType,
  CivicCaseStatus,
  IntakeChannel,
  Rating,
  Urgency,
} from '@linli/contracts';
import { HOUR_MS } from '../../../platform/clock.ts';

/** The ledger's Chinese words, as the console shows them (docs/glossary.md § 民情 vocabulary). */
export const STATUS_LABEL: Record<CivicCaseStatus, string> = {
  submitted: '待归纳',
  triaged: '已归纳',
  accepted: '已受理',
  dispatched: '已派遣',
  signed: '已签收',
  in_progress: '处理中',
  deferred: '挂账中',
  rework: '返工',
  handled: '已反馈',
  verified: '已核查',
  closed: '已结案',
  voided: '已作废',
};

export const END_TYPE_LABEL: Record<CivicCaseEndType, string> = {
  resolved: '已解决',
  unresolved: '未解决结案',
  voided: '作废',
};

export const URGENCY_LABEL: Record<Urgency, string> = {
  emergency: '紧急',
  utility: '水电气热',
  ordinary: '一般',
  complex: '复杂',
};

export const CHANNEL_LABEL: Record<IntakeChannel, string> = {
  h5: '居民上报',
  proxy: '网格员代办',
  visit: '入户走访',
  reception: '接待日',
  hotline: '热线',
  suggestion_box: '意见箱',
  meeting: '会议决议',
  open311: '接口',
};

export const RATING_LABEL: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const EVENT_LABEL: Record<CivicCaseEventType, string> = {
  submit: '提交',
  triage: '归纳',
  accept: '受理立案',
  void: '作废',
  merge: '合并重复',
  dispatch: '派遣',
  send_back: '退回',
  reassign: '改派',
  sign: '签收',
  contact: '联系群众',
  start: '开始处理',
  request_extension: '申请延期',
  request_deferral: '申请挂账',
  decide_request: '审批申请',
  resume: '恢复办理',
  handle: '处理反馈',
  verify: '核查通过',
  reject: '核查不通过（返工）',
  close: '结案',
  rate: '评价',
  reopen: '重新提起',
  comment: '备注',
  supervise: '督办',
  answer_supervision: '答复督办',
  follow: '群众附议',
  overdue: '超期',
  auto_route: '自动分拨',
};

/** An instant as the county reads it, `YYYY-MM-DD HH:mm` in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiMinute(iso: string | null): string {
  if (iso === null) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * HOUR_MS);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}
