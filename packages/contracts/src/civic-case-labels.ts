import type {
  CaseNature,
  CivicCaseAction,
  CivicCaseEndType,
  CivicCaseEventType,
  CivicCaseStatus,
  IntakeChannel,
  UnitKind,
  Urgency,
  VoidReason,
} from './civic-cases.ts';
import type { Locale } from './common.ts';
import type { Rating } from './posts.ts';

/**
 * 民情 words, written once: the console, the H5 and the server's CSV ledger all read them from here, so a case is
 * 已派遣 in every place it is shown. Each map is keyed by its contract enum, so a new status, action or channel
 * that has no label is a type error. An app that words a label differently for its readers (the H5 speaks to
 * residents) overrides that one key after spreading these.
 */
export interface CivicLabels {
  status: Record<CivicCaseStatus, string>;
  endType: Record<CivicCaseEndType, string>;
  action: Record<CivicCaseAction, string>;
  /** Timeline words: every action, plus what the system writes itself. */
  event: Record<CivicCaseEventType, string>;
  urgency: Record<Urgency, string>;
  /** The urgency with its default time limit, where the filer chooses one. */
  urgencyWithLimit: Record<Urgency, string>;
  channel: Record<IntakeChannel, string>;
  nature: Record<CaseNature, string>;
  rating: Record<Rating, string>;
  voidReason: Record<VoidReason, string>;
  unitKind: Record<UnitKind, string>;
}

/** An action's word is also its timeline word in Chinese (归纳, 派遣 …); English says "Triage" but "Triaged". */
const ZH_ACTION: Record<CivicCaseAction, string> = {
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
};

const zhCN: CivicLabels = {
  status: {
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
  },
  endType: { resolved: '已解决', unresolved: '未解决结案', voided: '作废' },
  action: ZH_ACTION,
  event: {
    submit: '提交',
    ...ZH_ACTION,
    answer_supervision: '答复督办',
    follow: '群众附议',
    overdue: '超期',
    auto_route: '自动分拨',
  },
  urgency: { emergency: '紧急', utility: '水电气热', ordinary: '一般', complex: '复杂' },
  urgencyWithLimit: {
    emergency: '紧急（2小时）',
    utility: '水电气热（24小时）',
    ordinary: '一般（7个工作日）',
    complex: '复杂（15个工作日）',
  },
  channel: {
    h5: '居民上报',
    proxy: '网格员代办',
    visit: '入户走访',
    reception: '接待日',
    hotline: '热线',
    suggestion_box: '意见箱',
    meeting: '会议决议',
    open311: '接口',
  },
  nature: { consult: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议' },
  rating: { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' },
  voidReason: {
    duplicate: '重复',
    out_of_scope: '不属于受理范围',
    insufficient: '信息不全',
    not_responsible: '非本单位职责',
    referred: '已转办',
  },
  unitKind: { property_company: '物业公司', grid: '网格', branch: '小区党支部', org: '组织/部门' },
};

const enUS: CivicLabels = {
  status: {
    submitted: 'Awaiting triage',
    triaged: 'Triaged',
    accepted: 'Accepted',
    dispatched: 'Dispatched',
    signed: 'Signed for',
    in_progress: 'In progress',
    deferred: 'Deferred',
    rework: 'Rework',
    handled: 'Handled',
    verified: 'Verified',
    closed: 'Closed',
    voided: 'Voided',
  },
  endType: { resolved: 'Resolved', unresolved: 'Closed unresolved', voided: 'Voided' },
  action: {
    triage: 'Triage',
    accept: 'Accept',
    void: 'Void',
    merge: 'Merge duplicate',
    dispatch: 'Dispatch',
    send_back: 'Send back',
    reassign: 'Reassign',
    sign: 'Sign for',
    contact: 'Contact reporter',
    start: 'Start handling',
    request_extension: 'Request extension',
    request_deferral: 'Request deferral',
    decide_request: 'Decide request',
    resume: 'Resume',
    handle: 'Report result',
    verify: 'Verify',
    reject: 'Reject (rework)',
    close: 'Close',
    rate: 'Rate',
    reopen: 'Reopen',
    comment: 'Note',
    supervise: 'Supervise',
  },
  event: {
    submit: 'Submitted',
    triage: 'Triaged',
    accept: 'Accepted',
    void: 'Voided',
    merge: 'Merged as duplicate',
    dispatch: 'Dispatched',
    send_back: 'Sent back',
    reassign: 'Reassigned',
    sign: 'Signed for',
    contact: 'Reporter contacted',
    start: 'Handling started',
    request_extension: 'Extension requested',
    request_deferral: 'Deferral requested',
    decide_request: 'Request decided',
    resume: 'Resumed',
    handle: 'Result reported',
    verify: 'Verified',
    reject: 'Rejected (rework)',
    close: 'Closed',
    rate: 'Rated',
    reopen: 'Reopened',
    comment: 'Note',
    supervise: 'Supervised',
    answer_supervision: 'Supervision answered',
    follow: 'Me too',
    overdue: 'Overdue',
    auto_route: 'Routed automatically',
  },
  urgency: { emergency: 'Emergency', utility: 'Utilities', ordinary: 'Ordinary', complex: 'Complex' },
  urgencyWithLimit: {
    emergency: 'Emergency (2 hours)',
    utility: 'Utilities (24 hours)',
    ordinary: 'Ordinary (7 working days)',
    complex: 'Complex (15 working days)',
  },
  channel: {
    h5: 'Resident app',
    proxy: 'Filed by grid worker',
    visit: 'Household visit',
    reception: 'Reception day',
    hotline: 'Hotline',
    suggestion_box: 'Suggestion box',
    meeting: 'Meeting resolution',
    open311: 'Open311 API',
  },
  nature: {
    consult: 'Enquiry',
    help: 'Request for help',
    complaint: 'Complaint',
    report: 'Report',
    suggestion: 'Suggestion',
  },
  rating: { satisfied: 'Satisfied', basically_satisfied: 'Mostly satisfied', dissatisfied: 'Dissatisfied' },
  voidReason: {
    duplicate: 'Duplicate',
    out_of_scope: 'Out of scope',
    insufficient: 'Insufficient information',
    not_responsible: 'Not our responsibility',
    referred: 'Referred elsewhere',
  },
  unitKind: {
    property_company: 'Property company',
    grid: 'Grid',
    branch: 'Compound Party branch',
    org: 'Organisation / department',
  },
};

export const CIVIC_LABELS: Record<Locale, CivicLabels> = { 'zh-CN': zhCN, 'en-US': enUS };
