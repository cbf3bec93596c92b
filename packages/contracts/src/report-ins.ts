import { z } from 'zod';
import {
  DateOnlySchema,
  IdSchema,
  nameText,
  optionalText,
  PAGE_LIMIT_MAX,
  PhoneSchema,
  TimestampSchema,
} from './common.ts';

/*
 * 双报到 (report-in), the year-end rule and work-unit feedback (八小时外): docs/api.md § Members.
 * Phones are masked in every answer (PI-3); unreported-member lists carry no PI beyond the name.
 */

const pageQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(20),
};

// ---------------------------------------------------------------- organisation level (报到单)

export const OrgReportInTargetKindSchema = z.enum(['compound', 'community']);
export type OrgReportInTargetKind = z.infer<typeof OrgReportInTargetKindSchema>;
export const OrgReportInStatusSchema = z.enum(['submitted', 'received', 'withdrawn']);
export type OrgReportInStatus = z.infer<typeof OrgReportInStatusSchema>;

export const OrgReportInSchema = z.object({
  id: IdSchema,
  reportingOrgId: IdSchema,
  reportingOrgName: z.string(),
  targetKind: OrgReportInTargetKindSchema,
  targetId: IdSchema,
  targetName: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
  resources: z.string(),
  reportedOn: DateOnlySchema,
  status: OrgReportInStatusSchema,
  /** The receipt (回执) number, set when the target receives the 报到单, e.g. `BD-2026-000123`. */
  receiptNo: z.string().nullable(),
  receivedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  /** `receive`: the caller holds `report_in.manage` over the target and the 报到单 is still submitted. */
  abilities: z.object({ receive: z.boolean() }),
  version: z.number().int(),
});
export type OrgReportIn = z.infer<typeof OrgReportInSchema>;

/**
 * `POST /org-report-ins`: the reporting org must be an organ (`sector = organ`) Party organisation in the caller's
 * `org_report_in.submit` scope; the target a compound, or a community Party organisation (any non-organ org unit).
 */
export const CreateOrgReportInBodySchema = z
  .object({
    reportingOrgId: IdSchema,
    targetKind: OrgReportInTargetKindSchema,
    targetId: IdSchema,
    contactName: nameText(40),
    contactPhone: PhoneSchema,
    /** What the organisation offers the community (资源清单). */
    resources: nameText(2000),
    reportedOn: DateOnlySchema,
  })
  .strict();
export type CreateOrgReportInBody = z.infer<typeof CreateOrgReportInBodySchema>;

export const OrgReportInListQuerySchema = z
  .object({
    status: OrgReportInStatusSchema.optional(),
    targetKind: OrgReportInTargetKindSchema.optional(),
    targetId: IdSchema.optional(),
    reportingOrgId: IdSchema.optional(),
    ...pageQuery,
  })
  .strict();
export type OrgReportInListQuery = z.infer<typeof OrgReportInListQuerySchema>;

/** `POST /org-report-ins/:id/receive`: no body needed (an empty object is accepted). */
export const ReceiveOrgReportInBodySchema = z.object({}).strict().optional();

// ---------------------------------------------------------------- member level

export const MemberReportInStatusSchema = z.enum(['pending', 'confirmed', 'rejected', 'withdrawn']);
export type MemberReportInStatus = z.infer<typeof MemberReportInStatusSchema>;

export const MemberReportInSchema = z.object({
  id: IdSchema,
  memberId: IdSchema,
  memberName: z.string(),
  compoundId: IdSchema,
  compoundName: z.string(),
  workUnitId: IdSchema.nullable(),
  workUnitName: z.string().nullable(),
  status: MemberReportInStatusSchema,
  skills: z.string().nullable(),
  registeredAt: TimestampSchema,
  decidedAt: TimestampSchema.nullable(),
  receiptNo: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** `decide`: pending and the caller holds `report_in.manage` over the compound. */
  abilities: z.object({ decide: z.boolean() }),
});
export type MemberReportIn = z.infer<typeof MemberReportInSchema>;

export const MemberReportInListQuerySchema = z
  .object({
    compoundId: IdSchema.optional(),
    workUnitId: IdSchema.optional(),
    /** One member's report-ins, newest first: the history on the member's page. */
    memberId: IdSchema.optional(),
    status: MemberReportInStatusSchema.optional(),
    ...pageQuery,
  })
  .strict();
export type MemberReportInListQuery = z.infer<typeof MemberReportInListQuerySchema>;

/** `POST /me/report-in`: the compound defaults to the member's residence compound (the only one allowed). */
export const SelfReportInBodySchema = z
  .object({
    compoundId: IdSchema.optional(),
    /** Skills and specialities the member offers (特长). */
    skills: optionalText(500),
  })
  .strict();
export type SelfReportInBody = z.infer<typeof SelfReportInBodySchema>;

/** `GET /me/report-in`: all my report-ins, newest first. */
export const MyReportInListSchema = z.object({ items: z.array(MemberReportInSchema) });

/** `POST /member-report-ins/:id/decision`: rejecting needs a reason (400 otherwise). */
export const ReportInDecisionBodySchema = z
  .object({
    decision: z.enum(['confirmed', 'rejected']),
    reason: optionalText(500),
  })
  .strict()
  .refine((b) => b.decision === 'confirmed' || (b.reason !== undefined && b.reason.length > 0), {
    message: 'reason_required',
    path: ['reason'],
  });
export type ReportInDecisionBody = z.infer<typeof ReportInDecisionBodySchema>;

/** The printable receipt (回执) that goes to the member's work unit's Party organisation. */
export const ReportInReceiptSchema = z.object({
  reportInId: IdSchema,
  receiptNo: z.string(),
  memberName: z.string(),
  workUnitName: z.string().nullable(),
  workUnitPartyOrgName: z.string().nullable(),
  compoundName: z.string(),
  /** The compound's Party branch that confirmed (null when the compound has no branch in the tree). */
  branchName: z.string().nullable(),
  registeredAt: TimestampSchema,
  confirmedAt: TimestampSchema,
});
export type ReportInReceipt = z.infer<typeof ReportInReceiptSchema>;

// ---------------------------------------------------------------- boards

const boardCounts = {
  /** In-service members (在职党员) of the unit / living in the compound, in the caller's scope. */
  inService: z.number().int(),
  confirmed: z.number().int(),
  pending: z.number().int(),
  /** In-service members with neither a confirmed nor a pending report-in. */
  notReported: z.number().int(),
};

export const WorkUnitReportInRowSchema = z.object({
  workUnitId: IdSchema,
  workUnitName: z.string(),
  partyOrgName: z.string(),
  ...boardCounts,
});
export type WorkUnitReportInRow = z.infer<typeof WorkUnitReportInRowSchema>;

export const CompoundReportInRowSchema = z.object({
  compoundId: IdSchema,
  compoundName: z.string(),
  ...boardCounts,
});
export type CompoundReportInRow = z.infer<typeof CompoundReportInRowSchema>;

/** `GET /report-in-boards/work-units` and `/compounds`: one row per unit / compound with in-service members. */
export const WorkUnitReportInBoardSchema = z.object({ items: z.array(WorkUnitReportInRowSchema) });
export const CompoundReportInBoardSchema = z.object({ items: z.array(CompoundReportInRowSchema) });

/** An in-service member with no confirmed or pending report-in; no PI beyond the name. */
export const UnreportedMemberSchema = z.object({
  memberId: IdSchema,
  name: z.string(),
  workUnitId: IdSchema.nullable(),
  workUnitName: z.string().nullable(),
  compoundId: IdSchema.nullable(),
  compoundName: z.string().nullable(),
  /** `none` or `rejected`. */
  reportInStatus: z.enum(['none', 'rejected']),
});
export type UnreportedMember = z.infer<typeof UnreportedMemberSchema>;

/** Exactly one of `workUnitId` and `compoundId`. */
export const UnreportedQuerySchema = z
  .object({ workUnitId: IdSchema.optional(), compoundId: IdSchema.optional(), ...pageQuery })
  .strict()
  .refine((q) => (q.workUnitId === undefined) !== (q.compoundId === undefined), {
    message: 'work_unit_or_compound',
    path: ['workUnitId'],
  });
export type UnreportedQuery = z.infer<typeof UnreportedQuerySchema>;

// ---------------------------------------------------------------- year-end rule and flags

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `MM-DD`, a real calendar day (02-29 is refused: the rule must fire every year). */
export const MonthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'month_day')
  .refine((v) => {
    const [m = 0, d = 0] = v.split('-').map(Number);
    return d <= (DAYS_IN_MONTH[m - 1] ?? 0);
  }, 'month_day');

export const ReportInRuleSchema = z.object({
  /** Services a member must have logged in the year (service records). */
  minServices: z.number().int().min(0).max(1000),
  /** Hours of service a member must have logged in the year. */
  minServiceHours: z.number().min(0).max(10000),
  /** The day of the year on which the yearly job evaluates, `MM-DD`. */
  evaluateOn: MonthDaySchema,
});
export type ReportInRule = z.infer<typeof ReportInRuleSchema>;
export const DEFAULT_REPORT_IN_RULE: ReportInRule = { minServices: 1, minServiceHours: 0, evaluateOn: '12-31' };

/** `GET /report-in-rule` (ETag) and `PUT /report-in-rule` (If-Match; `work_unit.write` at the county root). */
export const ReportInRuleDetailSchema = ReportInRuleSchema.extend({
  version: z.number().int(),
  updatedAt: TimestampSchema.nullable(),
  abilities: z.object({ update: z.boolean() }),
});
export type ReportInRuleDetail = z.infer<typeof ReportInRuleDetailSchema>;
export const UpdateReportInRuleBodySchema = ReportInRuleSchema.strict();

const YearSchema = z.coerce.number().int().min(2000).max(2100);

export const ComputeYearFlagsBodySchema = z.object({ year: z.number().int().min(2000).max(2100) }).strict();
export const ComputeYearFlagsResultSchema = z.object({
  year: z.number().int(),
  members: z.number().int(),
  noReportIn: z.number().int(),
  noService: z.number().int(),
});
export type ComputeYearFlagsResult = z.infer<typeof ComputeYearFlagsResultSchema>;

export const YearFlagKindSchema = z.enum(['no_report_in', 'no_service']);
export const MemberYearFlagSchema = z.object({
  memberId: IdSchema,
  memberName: z.string(),
  year: z.number().int(),
  compoundId: IdSchema.nullable(),
  compoundName: z.string().nullable(),
  workUnitName: z.string().nullable(),
  noReportIn: z.boolean(),
  noService: z.boolean(),
  serviceCount: z.number().int(),
  serviceHours: z.number(),
  computedAt: TimestampSchema,
});
export type MemberYearFlag = z.infer<typeof MemberYearFlagSchema>;

/** Without `flag`, only members with at least one flag are listed. */
export const MemberYearFlagListQuerySchema = z
  .object({
    year: YearSchema,
    flag: YearFlagKindSchema.optional(),
    compoundId: IdSchema.optional(),
    branchId: IdSchema.optional(),
    ...pageQuery,
  })
  .strict();
export type MemberYearFlagListQuery = z.infer<typeof MemberYearFlagListQuerySchema>;

// ---------------------------------------------------------------- work-unit feedback (八小时外)

const QuarterSchema = z.coerce.number().int().min(1).max(4);

export const WorkUnitFeedbackQuerySchema = z
  .object({ workUnitId: IdSchema, year: YearSchema, quarter: QuarterSchema })
  .strict();
export type WorkUnitFeedbackQuery = z.infer<typeof WorkUnitFeedbackQuerySchema>;

export const FeedbackRatingsSchema = z.object({
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
});

/** One reported member's community record for the quarter. */
export const WorkUnitFeedbackRowSchema = z.object({
  memberId: IdSchema,
  memberName: z.string(),
  compoundName: z.string(),
  /** When the report-in was confirmed. */
  reportedAt: TimestampSchema,
  receiptNo: z.string().nullable(),
  /** Titles of the posts the member holds (approved claims). */
  posts: z.array(z.string()),
  serviceCount: z.number().int(),
  serviceHours: z.number(),
  ratings: FeedbackRatingsSchema,
});
export type WorkUnitFeedbackRow = z.infer<typeof WorkUnitFeedbackRowSchema>;

export const WorkUnitFeedbackSchema = z.object({
  workUnitId: IdSchema,
  workUnitName: z.string(),
  partyOrgName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  rows: z.array(WorkUnitFeedbackRowSchema),
});
export type WorkUnitFeedback = z.infer<typeof WorkUnitFeedbackSchema>;

export const CreateFeedbackDocumentBodySchema = z
  .object({
    workUnitId: IdSchema,
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
  })
  .strict();
export type CreateFeedbackDocumentBody = z.infer<typeof CreateFeedbackDocumentBodySchema>;

export const FeedbackDocumentSchema = z.object({
  id: IdSchema,
  workUnitId: IdSchema,
  workUnitName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  memberCount: z.number().int(),
  fileName: z.string(),
  byteSize: z.number().int(),
  /** `GET` this to download the docx. */
  downloadUrl: z.string(),
  /** Null when the quarter-end job produced it. */
  generatedBy: IdSchema.nullable(),
  /** Who generated it, by display name; null for the quarter-end job. */
  generatedByName: z.string().nullable(),
  generatedAt: TimestampSchema,
});
export type FeedbackDocument = z.infer<typeof FeedbackDocumentSchema>;

export const FeedbackDocumentListQuerySchema = z
  .object({ workUnitId: IdSchema.optional(), year: YearSchema.optional(), ...pageQuery })
  .strict();
export type FeedbackDocumentListQuery = z.infer<typeof FeedbackDocumentListQuerySchema>;

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
