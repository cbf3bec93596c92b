import type { FigureKey, FigureValue } from '@linli/contracts';

/*
 * The hand-counted answers of the reports dataset for the period 2026-01-01‥2026-06-30 (clock after it).
 *
 * The county: 测试县委 → 金碧镇党委 (J) → 金碧社区党总支 → 金碧花园 A (rollout, branch), 金碧雅苑 A2 (pilot,
 * branch), 金碧新村 A3 (validation, no branch, nothing else: the empty compound), 金碧东苑 A4 (pilot, branch —
 * created 2026-08-01, after the period: counts nowhere); 龙泉镇党委 (L) → 龙泉社区党总支 → 龙泉苑 B (rollout, no
 * branch), 龙泉新居 B2 (validation, branch); 县直机关工委 with organ branches O1 县财政局, O2 县住建局 (county
 * level, outside both towns); OJ 金碧镇机关党支部 (organ branch inside J).
 *
 * Members (residence / home branch / employment): m1 m2 A/A/in service; m3 m4 A/A/retired; m5 A/O1/in service;
 * m6 A/A/in service but joined 2026-09-01 (never counts); m7 A2/A2/in service; m8 A2/A2/retired; m9
 * A2/金碧社区党总支/other; m10 B/none/in service; m11 B2/B2/retired; m12 B2/B2/in service; m13 lives outside
 * the county/O2/in service (residence path = O2's path, so the county counts m13, neither town does).
 *
 * 民情 (compound: category, received → closed end type, rating): c1 A CG01 01-10 → 01-20 resolved, satisfied;
 * c2 A MS02 02-01 → 02-05 resolved, basically; c3 A MS01 03-01 → 03-10 unresolved, dissatisfied (stale overdue
 * flag, closed); c4 A CG01 04-01 → 04-03 unresolved; c5 A MS04 05-01 open overdue, mediation agreed 05-02;
 * c6 A CG02 06-01 voided; c7 A CG01 06-28 → 07-05 (after the period) resolved, rated 07-06; c8 A2 SJ01 → 02-20
 * resolved, satisfied; c9 A2 NY01 → 03-15 resolved, unrated, not responded; c10 A2 MS04 → 04-20 resolved,
 * basically, mediation failed 04-11; c11 A2 MS02 received 2025-12-20 → 2026-01-05 resolved (closed in the
 * period, received before it); c12 B LD01 → 01-25 resolved, satisfied; c13 B2 PK01 → 02-25 resolved,
 * dissatisfied; c14 B CG01 → 03-30 resolved; c15 B MS04 05-05 open overdue, not responded, mediation pending
 * 05-06; c16 A MS04 2025-11 closed, mediation agreed 2025-11-02 (before the period); c18 A MS02 06-10 submitted.
 * Every case dispatched on its received day except c6 and c18; all responded except c3, c9, c15.
 */

export const PERIOD = { from: '2026-01-01', to: '2026-06-30' } as const;

/** The scopes the expectations are for: 县, 金碧镇党委, 金碧花园, and for isolation 龙泉镇党委 and 金碧新村. */
export const SCOPES = ['county', 'committee', 'compoundA', 'otherCommittee', 'emptyCompound'] as const;
export type ScopeName = (typeof SCOPES)[number];

type Row = readonly [FigureValue, FigureValue, FigureValue, FigureValue, FigureValue];

/** Per figure: [county, 金碧镇 J, 金碧花园 A, 龙泉镇 L, 金碧新村 A3]. */
const ROWS: Partial<Record<FigureKey, Row>> = {
  scope_name: ['测试县委', '金碧镇党委', '金碧花园', '龙泉镇党委', '金碧新村'],
  period_from: ['2026-01-01', '2026-01-01', '2026-01-01', '2026-01-01', '2026-01-01'],
  period_to: ['2026-06-30', '2026-06-30', '2026-06-30', '2026-06-30', '2026-06-30'],
  as_of_month: ['6', '6', '6', '6', '6'],
  as_of_day: ['30', '30', '30', '30', '30'],
  // A A2 A3 B B2 (A4 created after the end); J: A A2 A3; L: B B2.
  compounds_total: [5, 3, 1, 2, 1],
  // Branches of A A2 B2 (A4's is created after the end).
  compounds_with_branch: [3, 2, 1, 1, 0],
  // 3/5; 2/3; 1/1; 1/2; 0/1 (a denominator, so 0 and not null).
  branch_coverage_rate: [0.6, 0.6667, 1, 0.5, 0],
  // A2 (A4 too late).
  compounds_pilot: [1, 1, 0, 0, 0],
  // A3 B2.
  compounds_validation: [2, 1, 0, 1, 1],
  // A B.
  compounds_rollout: [2, 1, 1, 1, 0],
  // gridA (A), gridA2 (A2), gridJ (community level), gridB (B); a second grid of A is created after the end.
  grids_total: [4, 3, 1, 1, 0],
  // All three are held by O1 O2 at county level: no town holds a river zone.
  river_zones: [3, 0, 0, 0, 0],
  // 人民路 (O2), 金碧街 (OJ inside J); 金碧东路 created after the end.
  street_zones: [2, 1, 0, 0, 0],
  // O1 O2 OJ; J: OJ.
  zone_holder_orgs: [3, 1, 0, 0, 0],
  // Latest term elected by 06-30: A's 2026-03-15 term (5; the 2023 term of 3 is superseded), A2's 2025 term (3;
  // its 2026-08-10 term of 7 is after the end), B2's 2024 term (4). County 5+3+4; J 5+3.
  branch_committee_members: [12, 8, 5, 4, 0],
  // 县供电公司 (community J, linked to A), 县人民医院 (J, linked to A2), 县第二中学 (L's community, linked to B),
  // 县邮政局 (county level, linked to A: counts for J and A through the link); 县自来水公司 after the end.
  partner_units: [4, 3, 2, 1, 0],
  // A: 服务站, 活动室 (图书角 after the end); A2: 议事厅; B: 活动室.
  venues: [4, 3, 2, 1, 0],
  // By residence: m1–m5, m7–m13 (m6 joined after the end); J: m1–m5 m7–m9; A: m1–m5; L: m10–m12.
  members_total: [12, 8, 5, 3, 0],
  // Home branch is a compound's branch: m1–m4 (A), m7 m8 (A2), m11 m12 (B2).
  members_in_compound_branches: [8, 6, 4, 2, 0],
  // m1 m2 m5 m7 m10 m12 m13; J: m1 m2 m5 m7; A: m1 m2 m5; L: m10 m12.
  members_in_service: [7, 4, 3, 2, 0],
  // m3 m4 m8 m11.
  members_retired: [4, 3, 2, 1, 0],
  // Confirmed by 06-30: m1 (02-10) and m5 (2025-11-20) into A, m12 into B2; m2 confirmed 09-01 (too late), m7
  // pending, m10 rejected.
  members_reported_in: [3, 2, 2, 1, 0],
  // In-service residents with a confirmed report-in / in-service residents: m1 m5 m12 of 7; m1 m5 of 4; m1 m5 of
  // 3; m12 of 2; no in-service member in A3: null.
  report_in_share: [0.4286, 0.5, 0.6667, 0.5, null],
  // Received by 06-30: O1 → A, O2 → 金碧社区, O1 → B (O2 → A only submitted, O1 → A2 received 08-01). Distinct
  // organisations: county O1 O2; J O1 O2; A O1; L O1.
  orgs_reported_in: [2, 2, 1, 1, 0],
  // Open posts created by the end: A 楼栋长 环境监督岗 政策宣传岗 文明劝导岗 (防汛岗 closed, 夜间巡逻岗 created
  // after the end), A2 楼栋长, B2 楼栋长.
  posts_total: [6, 5, 4, 1, 0],
  // Approved by 06-30: m1 (two posts), m2, m12; m7 approved 09-01, m4 08-02, m3 only pending.
  posts_claimed_members: [3, 2, 2, 1, 0],
  // Households linked by 06-30: A 101 (m1, m2), A 102 (m1), A2 501, B2 301; A 201 linked after the end.
  households_linked: [4, 3, 2, 1, 0],
  // Served in the period: A 01-15, 03-10, 06-30; A2 02-02; B2 04-04 (A 2025-12-31 and 2026-07-01 fall outside).
  service_records: [5, 4, 3, 1, 0],
  // Minutes: A 90+45+50 = 185 (3.08 h); A2 35; B2 80. J 220 (3.67 h); L 80 (1.33 h); county 300.
  service_hours: [5, 3.7, 3.1, 1.3, 0],
  // Received in the period: A c1–c7 c18 (8), A2 c8–c10 (3; c11 received 2025), B c12 c14 c15, B2 c13.
  cases_received: [15, 11, 8, 4, 0],
  // Closed in the period: A c1–c4 (c7 closed 07-05), A2 c8–c11, B c12 c14, B2 c13.
  cases_closed: [11, 8, 4, 3, 0],
  // Of those, resolved: A c1 c2 (c3 c4 unresolved); A2 all four; L all three.
  cases_closed_resolved: [9, 6, 2, 3, 0],
  // Open with the overdue flag: c5 (A), c15 (B); c3 carries a stale flag but is closed.
  cases_overdue_open: [2, 1, 1, 1, 0],
  // Closed by root category. MS: c2 c3 (A), c10 c11 (A2).
  cases_closed_ms: [4, 4, 2, 0, 0],
  // CG: c1 c4 (A), c14 (B).
  cases_closed_cg: [3, 2, 2, 1, 0],
  // NY: c9 (A2).
  cases_closed_ny: [1, 1, 0, 0, 0],
  // SJ: c8 (A2).
  cases_closed_sj: [1, 1, 0, 0, 0],
  // LD: c12 (B).
  cases_closed_ld: [1, 0, 0, 1, 0],
  // PK: c13 (B2).
  cases_closed_pk: [1, 0, 0, 1, 0],
  // Closed resolved in CG01: c1 (A), c14 (B); c4 unresolved, c7 closed after the end.
  parking_resolved: [2, 1, 1, 1, 0],
  // Closed resolved in MS02: c2 (A), c11 (A2); c18 still open.
  drains_resolved: [2, 2, 1, 0, 0],
  // Mediations opened in the period: c5 (A, agreed), c10 (A2, failed), c15 (B, pending); c16's 2025 one not.
  disputes_mediated: [3, 2, 1, 1, 0],
  disputes_agreed: [1, 1, 1, 0, 0],
  // responded / dispatched: county 10/13; J 7/9 (A 5/6: c3 not; A2 2/3: c9 not); L 3/4 (c15 not).
  response_rate: [0.7692, 0.7778, 0.8333, 0.75, null],
  // rated resolved / rated (rated in the period: c1 c2 c3 | c8 c10 | c12 c13): 5/7; 4/5; 2/3; 1/2.
  resolution_rate: [0.7143, 0.8, 0.6667, 0.5, null],
  // (satisfied + 0.8 × basically) / rated: (3+1.6)/7; (2+1.6)/5; (1+0.8)/3; 1/2.
  satisfaction_rate: [0.6571, 0.72, 0.6, 0.5, null],
  // 30 % response + 35 % resolution + 35 % satisfaction on the unrounded rates: county 23.08+25+23 = 71.08;
  // J 23.33+28+25.2 = 76.53; A 25+23.33+21 = 69.33; L 22.5+17.5+17.5 = 57.5.
  composite_score: [71.08, 76.53, 69.33, 57.5, null],
  // Floors A 90, B 80, C 70, D 60.
  grade: ['C', 'C', 'D', 'E', null],
};

/** The answers by scope, each with every available figure. */
export const EXPECTED = Object.fromEntries(
  SCOPES.map((scope, i) => [
    scope,
    Object.fromEntries(Object.entries(ROWS).map(([key, row]) => [key, row?.[i] ?? null])),
  ]),
) as Record<ScopeName, Partial<Record<FigureKey, FigureValue>>>;
