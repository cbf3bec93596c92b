import type {
  CompoundReportInBoardSchema,
  ComputeYearFlagsResult,
  CreateOrgReportInBodySchema,
  MemberReportIn,
  MemberReportInListQuerySchema,
  MemberYearFlag,
  MemberYearFlagListQuerySchema,
  OrgReportIn,
  OrgReportInListQuerySchema,
  Page,
  ReportInDecisionBodySchema,
  ReportInReceipt,
  ReportInRule,
  ReportInRuleDetail,
  UnreportedMember,
  UnreportedQuerySchema,
} from '@linli/contracts';
import { http } from './http.ts';
import type { In, Out } from './types.ts';

export type OrgReportInListQuery = In<typeof OrgReportInListQuerySchema>;
export type CreateOrgReportInBody = In<typeof CreateOrgReportInBodySchema>;
export type MemberReportInListQuery = In<typeof MemberReportInListQuerySchema>;
export type ReportInDecisionBody = In<typeof ReportInDecisionBodySchema>;
export type UnreportedQuery = In<typeof UnreportedQuerySchema>;
export type MemberYearFlagListQuery = In<typeof MemberYearFlagListQuerySchema>;
export type CompoundReportInBoard = Out<typeof CompoundReportInBoardSchema>;

export const COMPOUND_BOARD_KEY = ['report-in-boards', 'compounds'] as const;

export const reportInRuleKey = ['report-in-rule'] as const;

/** 双报到: organisation 报到单, member report-ins and their receipts, the boards and the year-end rule. */
export const reportInsApi = {
  listOrg: (query: OrgReportInListQuery) => http.get<Page<OrgReportIn>>('/org-report-ins', query),
  getOrg: (id: string) => http.get<OrgReportIn>(`/org-report-ins/${id}`),
  createOrg: (body: CreateOrgReportInBody, idempotencyKey: string) =>
    http.post<OrgReportIn>('/org-report-ins', body, { idempotencyKey }),
  receiveOrg: (id: string) => http.post<OrgReportIn>(`/org-report-ins/${id}/receive`, {}),

  listMember: (query: MemberReportInListQuery) => http.get<Page<MemberReportIn>>('/member-report-ins', query),
  decide: (id: string, body: ReportInDecisionBody) =>
    http.post<MemberReportIn>(`/member-report-ins/${id}/decision`, body),
  receipt: (id: string) => http.get<ReportInReceipt>(`/member-report-ins/${id}/receipt`),

  /** Per compound: in-service residents and where their 双报到 stands (per work unit: `workUnitsApi.reportInBoard`). */
  compoundBoard: () => http.get<CompoundReportInBoard>('/report-in-boards/compounds'),
  unreported: (query: UnreportedQuery) => http.get<Page<UnreportedMember>>('/report-in-boards/unreported', query),

  rule: () => http.get<ReportInRuleDetail>('/report-in-rule'),
  updateRule: (body: ReportInRule, version: number) =>
    http.put<ReportInRuleDetail>('/report-in-rule', body, { version }),
  listYearFlags: (query: MemberYearFlagListQuery) => http.get<Page<MemberYearFlag>>('/member-year-flags', query),
  computeYearFlags: (year: number) => http.post<ComputeYearFlagsResult>('/member-year-flags/compute', { year }),
};
