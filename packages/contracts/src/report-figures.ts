/**
 * The figure catalogue: every number the county work report (工作汇报) and the cockpit quote, one key each. The
 * work-report template names figures as `{{key}}`; the template editor accepts only keys listed here, and only
 * those whose module is built (`available`). Definitions and queries: docs/work-report-figures.md.
 */

/** The module that owns a figure's data. The last five are planned (DESIGN §3) and not built yet. */
export const FIGURE_MODULES = [
  'report',
  'organisation',
  'members',
  'civic-cases',
  'engagement',
  'activities',
  'meetings',
  'standards',
  'funds',
] as const;
export type FigureModule = (typeof FIGURE_MODULES)[number];
export const BUILT_FIGURE_MODULES: readonly FigureModule[] = ['report', 'organisation', 'members', 'civic-cases'];

/**
 * `count` an integer; `rate` a fraction 0‥1 (null when its denominator is zero); `score` 0‥100 (null: no data);
 * `hours` a decimal; `amount` yuan with two decimals; `text` a name, a grade or a day of the month.
 */
export type FigureKind = 'count' | 'rate' | 'score' | 'hours' | 'amount' | 'text';

/**
 * `stock` is counted as at the period's last day (compounds, members, posts); `flow` within the period
 * (cases received or closed, services given); `label` describes the scope or period itself.
 */
export type FigureBasis = 'stock' | 'flow' | 'label';

export interface FigureDefinition {
  key: string;
  module: FigureModule;
  kind: FigureKind;
  basis: FigureBasis;
  zh: string;
  en: string;
}

const f = (
  key: string,
  module: FigureModule,
  kind: FigureKind,
  basis: FigureBasis,
  zh: string,
  en: string,
): FigureDefinition => ({ key, module, kind, basis, zh, en });

export const REPORT_FIGURES = [
  // The scope and period the report is about.
  f('scope_name', 'report', 'text', 'label', '范围名称', 'Scope name'),
  f('period_from', 'report', 'text', 'label', '统计起始日期', 'Period start'),
  f('period_to', 'report', 'text', 'label', '统计截止日期', 'Period end'),
  f('as_of_month', 'report', 'text', 'label', '截至月份', 'As-of month'),
  f('as_of_day', 'report', 'text', 'label', '截至日', 'As-of day'),
  // Organisation (组织覆盖).
  f('compounds_total', 'organisation', 'count', 'stock', '住宿小区数', 'Compounds'),
  f('compounds_with_branch', 'organisation', 'count', 'stock', '已建党组织的小区数', 'Compounds with a branch'),
  f('branch_coverage_rate', 'organisation', 'rate', 'stock', '小区党组织覆盖率', 'Branch coverage'),
  f('compounds_pilot', 'organisation', 'count', 'stock', '试点先行小区数', 'Pilot compounds'),
  f('compounds_validation', 'organisation', 'count', 'stock', '验证建设小区数', 'Validation compounds'),
  f('compounds_rollout', 'organisation', 'count', 'stock', '全面铺开小区数', 'Roll-out compounds'),
  f('grids_total', 'organisation', 'count', 'stock', '网格数', 'Grids'),
  f('river_zones', 'organisation', 'count', 'stock', '河道责任区段数', 'River duty zones'),
  f('street_zones', 'organisation', 'count', 'stock', '街道责任区段数', 'Street duty zones'),
  f('zone_holder_orgs', 'organisation', 'count', 'stock', '承担责任区的机关党组织数', 'Organ orgs holding zones'),
  f(
    'branch_committee_members',
    'organisation',
    'count',
    'stock',
    '选举产生的支部委员数',
    'Elected branch committee members',
  ),
  f('partner_units', 'organisation', 'count', 'stock', '共建单位数', 'Partner units'),
  f('venues', 'organisation', 'count', 'stock', '活动场所数', 'Venues'),
  // Members, 双报到, posts and services.
  f('members_total', 'members', 'count', 'stock', '党员总数', 'Party members'),
  f(
    'members_in_compound_branches',
    'members',
    'count',
    'stock',
    '编入小区党组织的党员数',
    'Members in compound branches',
  ),
  f('members_in_service', 'members', 'count', 'stock', '在职党员数', 'In-service members'),
  f('members_retired', 'members', 'count', 'stock', '离退休党员数', 'Retired members'),
  f('members_reported_in', 'members', 'count', 'stock', '到小区报到的在职党员数', 'Members reported in'),
  f('report_in_share', 'members', 'rate', 'stock', '在职党员报到率', 'Report-in share'),
  f('orgs_reported_in', 'members', 'count', 'stock', '到小区报到的机关党组织数', 'Organisations reported in'),
  f('posts_total', 'members', 'count', 'stock', '党员责任岗数', 'Posts'),
  f('posts_claimed_members', 'members', 'count', 'stock', '认领岗位的党员数', 'Members holding posts'),
  f('households_linked', 'members', 'count', 'stock', '党员联系住户数', 'Households linked to members'),
  f('service_records', 'members', 'count', 'flow', '党员服务次数', 'Services given'),
  f('service_hours', 'members', 'hours', 'flow', '党员服务时长（小时）', 'Service hours'),
  // 民情.
  f('cases_received', 'civic-cases', 'count', 'flow', '收集民情事项数', 'Cases received'),
  f('cases_closed', 'civic-cases', 'count', 'flow', '办结事项数', 'Cases closed'),
  f('cases_closed_resolved', 'civic-cases', 'count', 'flow', '有效解决问题数', 'Cases resolved'),
  f('cases_overdue_open', 'civic-cases', 'count', 'stock', '超期未办结事项数', 'Open cases overdue'),
  f('cases_closed_ms', 'civic-cases', 'count', 'flow', '办结民生服务类事项数', 'Closed: livelihood services'),
  f('cases_closed_cg', 'civic-cases', 'count', 'flow', '办结城市管理类事项数', 'Closed: urban management'),
  f('cases_closed_ny', 'civic-cases', 'count', 'flow', '办结农业农村类事项数', 'Closed: agriculture and villages'),
  f('cases_closed_sj', 'civic-cases', 'count', 'flow', '办结社会监督类事项数', 'Closed: public oversight'),
  f('cases_closed_ld', 'civic-cases', 'count', 'flow', '办结劳动输出类事项数', 'Closed: labour services'),
  f('cases_closed_pk', 'civic-cases', 'count', 'flow', '办结贫困帮扶类事项数', 'Closed: poverty relief'),
  f('parking_resolved', 'civic-cases', 'count', 'flow', '解决车辆乱停问题数', 'Parking problems resolved'),
  f('drains_resolved', 'civic-cases', 'count', 'flow', '解决下水道堵塞问题数', 'Blocked drains resolved'),
  f('disputes_mediated', 'civic-cases', 'count', 'flow', '调解纠纷数', 'Disputes mediated'),
  f('disputes_agreed', 'civic-cases', 'count', 'flow', '调解成功纠纷数', 'Disputes settled'),
  f('response_rate', 'civic-cases', 'rate', 'flow', '响应率', 'Response rate'),
  f('resolution_rate', 'civic-cases', 'rate', 'flow', '解决率', 'Resolution rate'),
  f('satisfaction_rate', 'civic-cases', 'rate', 'flow', '满意率', 'Satisfaction rate'),
  f('composite_score', 'civic-cases', 'score', 'flow', '综合指标值', 'Composite score'),
  f('grade', 'civic-cases', 'text', 'flow', '综合等级', 'Grade'),
  // Planned modules: listed so the editor can say why they are refused.
  f('vanguard_teams', 'engagement', 'count', 'flow', '党员先锋队数', 'Vanguard teams'),
  f('vanguard_posts', 'engagement', 'count', 'flow', '党员先锋岗数', 'Vanguard posts'),
  f('model_branches', 'engagement', 'text', 'stock', '示范小区党支部', 'Model branches'),
  f('volunteer_teams', 'activities', 'count', 'stock', '志愿服务队数', 'Volunteer teams'),
  f('volunteer_activities', 'activities', 'count', 'flow', '主题志愿服务活动次数', 'Themed volunteer activities'),
  f('joint_meetings', 'meetings', 'count', 'flow', '联席会议次数', 'Joint meetings'),
  f('resident_conventions', 'meetings', 'count', 'stock', '制定居民公约的小区数', 'Compounds with a convention'),
  f('standard_branches', 'standards', 'count', 'stock', '“三六”标准达标支部数', 'Branches meeting the 三六 standard'),
  f('funds_raised', 'funds', 'amount', 'flow', '筹措经费（元）', 'Funds raised (yuan)'),
] as const satisfies readonly FigureDefinition[];

export type FigureKey = (typeof REPORT_FIGURES)[number]['key'];
export const FIGURE_KEYS = REPORT_FIGURES.map((d) => d.key) as FigureKey[];

/** A computed figure: null means "no data" (a rate without a denominator), never zero. */
export type FigureValue = number | string | null;
export type FigureValues = Partial<Record<FigureKey, FigureValue>>;

export const figureDefinition = (key: string): FigureDefinition | undefined =>
  REPORT_FIGURES.find((d) => d.key === key);
export const isFigureAvailable = (d: FigureDefinition): boolean => BUILT_FIGURE_MODULES.includes(d.module);
export const AVAILABLE_FIGURE_KEYS = REPORT_FIGURES.filter(isFigureAvailable).map((d) => d.key) as FigureKey[];

/** `{{key}}` as written in a template; a key is lower snake case. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;
