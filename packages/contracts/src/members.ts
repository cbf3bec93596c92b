import { z } from 'zod';
import {
  DateOnlySchema,
  IdSchema,
  nameText,
  optionalText,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  PhoneSchema,
  TimestampSchema,
} from './common.ts';
import { IdNumberSchema } from './id-card.ts';

/*
 * The Party-member roster, work units, Excel import and export, and PI-4 export approvals:
 * docs/api.md § Members → Roster. ID numbers, phones and addresses are masked in every answer (PI-3); only
 * `POST /members/:id/reveal` returns them, audited.
 *
 * Validation messages are keys the front ends translate (like `phone`, `termDates`): `idNumber`, `phone`,
 * `fullMemberOnRequired`, `fullMemberOnOrder`, `fullMemberOnProbationary`, `memberPlace`, `revealReason`,
 * `searchByPost`, `workUnitPartyOrg`; and from the server's own checks: `memberBranch` (not a 党支部/党总支),
 * `memberHousehold` (not in the residence compound), `dateInFuture`, `joinedBeforeBirth`, `xlsxRequired`,
 * `fileRequired`.
 */

const pageQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
};

// ---------------------------------------------------------------- enums

export const MEMBER_STATUSES = ['full', 'probationary'] as const;
export const MemberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { full: '正式党员', probationary: '预备党员' };

export const EMPLOYMENTS = ['in_service', 'retired', 'other'] as const;
export const EmploymentSchema = z.enum(EMPLOYMENTS);
export type Employment = z.infer<typeof EmploymentSchema>;
export const EMPLOYMENT_LABELS: Record<Employment, string> = { in_service: '在职', retired: '退休', other: '其他' };

/** The member's latest 双报到 state (denormalised on the roster row). */
export const REPORT_IN_STATUSES = ['none', 'pending', 'confirmed', 'rejected'] as const;
export const ReportInStatusSchema = z.enum(REPORT_IN_STATUSES);
export type ReportInStatus = z.infer<typeof ReportInStatusSchema>;

export const EDUCATION_LEVELS = ['研究生', '本科', '大专', '中专', '高中', '初中及以下'] as const;
export const EducationSchema = z.enum(EDUCATION_LEVELS);
export type Education = z.infer<typeof EducationSchema>;

export const GENDERS = ['male', 'female'] as const;
export const GenderSchema = z.enum(GENDERS);
export type Gender = z.infer<typeof GenderSchema>;

/** `flag` filter: 流动党员 / 失联党员. */
export const MEMBER_FLAGS = ['mobile', 'lost_contact'] as const;
export const MemberFlagSchema = z.enum(MEMBER_FLAGS);

export const MEMBER_REVEAL_FIELDS = ['idNumber', 'phone', 'address'] as const;
export const MemberRevealFieldSchema = z.enum(MEMBER_REVEAL_FIELDS);
export type MemberRevealField = z.infer<typeof MemberRevealFieldSchema>;

// ---------------------------------------------------------------- list and search

/**
 * What `q` looks like when it is a whole phone (11 digits) or a whole ID number (18 characters): such a search
 * must travel in a POST body, never in a URL (WEB-7), so `GET /members` refuses it (`searchByPost`).
 */
export const isFullPiSearch = (q: string): boolean => /^(?:\d{11}|\d{17}[\dXx])$/.test(q.trim());

const SearchText = z.string().trim().min(1).max(40);
/** A `q` allowed in a URL: name, pinyin, initials, the last four of an ID — not a whole phone or ID. */
const UrlSearchText = SearchText.refine((q) => !isFullPiSearch(q), { message: 'searchByPost' });

const memberFilters = {
  branchId: IdSchema.optional(),
  compoundId: IdSchema.optional(),
  status: MemberStatusSchema.optional(),
  employment: EmploymentSchema.optional(),
  reportIn: ReportInStatusSchema.optional(),
  workUnitId: IdSchema.optional(),
  flag: MemberFlagSchema.optional(),
  /** `name` sorts by pinyin. */
  sort: z.enum(['name', 'joinedOn']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
};

/**
 * `GET /members`. `q` is read by its shape: 4 digits (or 3 digits and X) → the last four of the ID number;
 * latin letters → pinyin prefix (`zhangs`) or initials prefix (`zs`); anything else → the name contains it.
 * A whole phone or ID number is refused here (400 `searchByPost`): send it to `POST /members/search`.
 */
export const MemberListQuerySchema = z.object({ q: UrlSearchText.optional(), ...memberFilters, ...pageQuery }).strict();
export type MemberListQuery = z.infer<typeof MemberListQuerySchema>;

/**
 * `POST /members/search`: the same search with the query in the body (WEB-7), the one to use for the console's
 * search box. Here `q` may also be a whole phone (11 digits) or a whole ID number (18 characters).
 */
export const MemberSearchBodySchema = z.object({ q: SearchText.optional(), ...memberFilters, ...pageQuery }).strict();
export type MemberSearchBody = z.infer<typeof MemberSearchBodySchema>;

/** The filter of an export (and of a PI-4 export request): the list's, without paging. */
export const MemberExportFilterSchema = MemberListQuerySchema.omit({ cursor: true, limit: true });
export type MemberExportFilter = z.infer<typeof MemberExportFilterSchema>;

/**
 * `GET /members/export`: the list's filters, masked. With `approvalId` (an approved PI-4 request of the caller,
 * within 24 h, unused) the file is unmasked and follows the request's filter instead of the query's.
 */
export const MemberExportQuerySchema = MemberExportFilterSchema.extend({ approvalId: IdSchema.optional() }).strict();
export type MemberExportQuery = z.infer<typeof MemberExportQuerySchema>;

export const MemberListItemSchema = z.object({
  id: IdSchema,
  name: z.string(),
  gender: GenderSchema,
  /** Whole years today (Asia/Shanghai), from the birth date in the ID number. */
  age: z.number().int(),
  /** First 3 and last 4 characters: `530***********123X`. */
  idNumberMasked: z.string(),
  /** `139****5678`, or null when no phone is on record. */
  phoneMasked: z.string().nullable(),
  status: MemberStatusSchema,
  employment: EmploymentSchema,
  joinedOn: DateOnlySchema,
  branchId: IdSchema.nullable(),
  branchName: z.string().nullable(),
  compoundId: IdSchema.nullable(),
  compoundName: z.string().nullable(),
  workUnitId: IdSchema.nullable(),
  workUnitName: z.string().nullable(),
  reportInStatus: ReportInStatusSchema,
  isMobile: z.boolean(),
  isLostContact: z.boolean(),
});
export type MemberListItem = z.infer<typeof MemberListItemSchema>;

// ---------------------------------------------------------------- create, edit, detail

const memberFields = {
  name: nameText(40),
  /** GB 11643 checksum verified; birth date and gender are taken from it. */
  idNumber: IdNumberSchema,
  phone: PhoneSchema.optional(),
  ethnicity: nameText(20).default('汉族'),
  education: EducationSchema.optional(),
  address: optionalText(200),
  status: MemberStatusSchema,
  joinedOn: DateOnlySchema,
  /** Required for full members, after `joinedOn`; absent for probationary members. */
  fullMemberOn: DateOnlySchema.optional(),
  employment: EmploymentSchema,
  workUnitId: IdSchema.optional(),
  /** The branch (a Party org unit) holding the membership. */
  branchId: IdSchema.optional(),
  residenceCompoundId: IdSchema.optional(),
  /** A household of the residence compound. */
  householdId: IdSchema.optional(),
  /** 流动党员 */
  isMobile: z.boolean().default(false),
  /** 失联党员 */
  isLostContact: z.boolean().default(false),
};

type MembershipDates = { status?: MemberStatus; joinedOn?: string; fullMemberOn?: string | null };

/** The membership-date rules, shared by create, edit (on the merged record) and import. */
export function membershipDatesProblem(
  m: MembershipDates,
): 'fullMemberOnRequired' | 'fullMemberOnOrder' | 'fullMemberOnProbationary' | null {
  if (m.status === 'full' && !m.fullMemberOn) return 'fullMemberOnRequired';
  if (m.status === 'probationary' && m.fullMemberOn) return 'fullMemberOnProbationary';
  if (m.fullMemberOn && m.joinedOn && m.fullMemberOn <= m.joinedOn) return 'fullMemberOnOrder';
  return null;
}

/**
 * `POST /members` (`member.write` on the branch or the residence compound). At least one of `branchId` and
 * `residenceCompoundId` (`memberPlace`). An ID already on the roster → 409 DUPLICATE.
 */
export const CreateMemberBodySchema = z
  .object(memberFields)
  .strict()
  .superRefine((b, ctx) => {
    const problem = membershipDatesProblem(b);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['fullMemberOn'] });
    if (!b.branchId && !b.residenceCompoundId) {
      ctx.addIssue({ code: 'custom', message: 'memberPlace', path: ['branchId'] });
    }
  });
export type CreateMemberBody = z.infer<typeof CreateMemberBodySchema>;

/**
 * `PATCH /members/:id` with `If-Match`: only the fields given change; `null` clears an optional one. The rules
 * of create are checked on the record as it would be after the edit (400). Moving a member (new branch or
 * residence) needs `member.write` on the new place too.
 */
export const UpdateMemberBodySchema = z
  .object({
    name: memberFields.name.optional(),
    idNumber: IdNumberSchema.optional(),
    phone: PhoneSchema.nullable().optional(),
    ethnicity: nameText(20).optional(),
    education: EducationSchema.nullable().optional(),
    address: z.string().trim().max(200).nullable().optional(),
    status: MemberStatusSchema.optional(),
    joinedOn: DateOnlySchema.optional(),
    fullMemberOn: DateOnlySchema.nullable().optional(),
    employment: EmploymentSchema.optional(),
    workUnitId: IdSchema.nullable().optional(),
    branchId: IdSchema.nullable().optional(),
    residenceCompoundId: IdSchema.nullable().optional(),
    householdId: IdSchema.nullable().optional(),
    isMobile: z.boolean().optional(),
    isLostContact: z.boolean().optional(),
  })
  .strict();
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;

export const MemberDetailSchema = MemberListItemSchema.extend({
  ethnicity: z.string(),
  birthDate: DateOnlySchema,
  education: EducationSchema.nullable(),
  /** Down to the building; the rest is masked. */
  addressMasked: z.string().nullable(),
  fullMemberOn: DateOnlySchema.nullable(),
  householdId: IdSchema.nullable(),
  /** The member has signed in on the H5 (their account is linked). */
  hasAccount: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** `update`: `member.write` over the member; `reveal`: `member.reveal` over the member. */
  abilities: z.object({ update: z.boolean(), reveal: z.boolean() }),
  version: z.number().int(),
});
export type MemberDetail = z.infer<typeof MemberDetailSchema>;

/** `POST /members/:id/reveal`: which fields and why (at least 4 characters, `revealReason`). Rate-limited. */
export const MemberRevealBodySchema = z
  .object({
    fields: z.array(MemberRevealFieldSchema).min(1).max(3),
    reason: z.string().trim().min(4, 'revealReason').max(200),
  })
  .strict();
export type MemberRevealBody = z.infer<typeof MemberRevealBodySchema>;

/** Only the requested fields are present; `null` when nothing is on record. */
export const MemberRevealSchema = z.object({
  idNumber: z.string().optional(),
  phone: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
});
export type MemberReveal = z.infer<typeof MemberRevealSchema>;

// ---------------------------------------------------------------- import

/** The template's columns, in order; an upload must carry exactly these headers. */
export const MEMBER_IMPORT_HEADERS = [
  '姓名',
  '身份证号',
  '手机号',
  '民族',
  '学历',
  '党员类型',
  '入党日期',
  '转正日期',
  '就业状态',
  '工作单位',
  '所在支部',
  '居住小区',
  '流动党员',
  '失联',
  '地址',
] as const;
export type MemberImportHeader = (typeof MEMBER_IMPORT_HEADERS)[number];

/** The most data rows one file may hold. */
export const MEMBER_IMPORT_MAX_ROWS = 30_000;

export const MEMBER_IMPORT_STATUSES = ['queued', 'validating', 'importing', 'rejected', 'imported', 'failed'] as const;
export const MemberImportStatusSchema = z.enum(MEMBER_IMPORT_STATUSES);
export type MemberImportStatus = z.infer<typeof MemberImportStatusSchema>;

/**
 * Why a cell or a file was refused. Branch, compound and work-unit names are looked up within the importer's
 * `member.write` scope (`unknownBranch`, `unknownCompound`; a name held by two of them: `ambiguous…`); an unknown
 * work unit is created when the importer holds `work_unit.write`, else `unknownWorkUnit`. `headers`: the header row is not the template's (row 1, column the first
 * wrong header); `noRows` / `tooManyRows` / `unreadable`: the file as a whole (row 0). Cell values never appear.
 */
export const MEMBER_IMPORT_ERROR_CODES = [
  'headers',
  'unreadable',
  'noRows',
  'tooManyRows',
  'required',
  'tooLong',
  'idNumberFormat',
  'idNumberBirthDate',
  'idNumberChecksum',
  'duplicateInFile',
  'duplicateInDatabase',
  'phone',
  'date',
  'dateInFuture',
  'fullMemberOnRequired',
  'fullMemberOnOrder',
  'fullMemberOnProbationary',
  'invalidOption',
  'memberPlace',
  'unknownBranch',
  'unknownCompound',
  'unknownWorkUnit',
  'ambiguousBranch',
  'ambiguousCompound',
] as const;
export const MemberImportErrorCodeSchema = z.enum(MEMBER_IMPORT_ERROR_CODES);
export type MemberImportErrorCode = z.infer<typeof MemberImportErrorCodeSchema>;

export const MemberImportErrorSchema = z.object({
  /** The spreadsheet row (1 is the header row). */
  row: z.number().int(),
  /** The column's header, or null for a whole-row or whole-file problem. */
  column: z.string().nullable(),
  code: MemberImportErrorCodeSchema,
});
export type MemberImportError = z.infer<typeof MemberImportErrorSchema>;

export const MemberImportSummarySchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  status: MemberImportStatusSchema,
  /** Data rows in the file (0 until the job has read it). */
  totalRows: z.number().int(),
  /** Rows validated so far: `processedRows / totalRows` is the progress bar. */
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  errorCount: z.number().int(),
  createdById: IdSchema,
  createdByName: z.string(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type MemberImportSummary = z.infer<typeof MemberImportSummarySchema>;

/** `GET /member-imports/:id` (and the 202 of the upload): the summary plus the first 1,000 row errors. */
export const MemberImportSchema = MemberImportSummarySchema.extend({ errors: z.array(MemberImportErrorSchema) });
export type MemberImport = z.infer<typeof MemberImportSchema>;

export const MemberImportListQuerySchema = z.object({ ...pageQuery }).strict();

// ---------------------------------------------------------------- PI-4 export requests

export const PII_EXPORT_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'used', 'expired'] as const;
export const PiiExportRequestStatusSchema = z.enum(PII_EXPORT_REQUEST_STATUSES);
export type PiiExportRequestStatus = z.infer<typeof PiiExportRequestStatusSchema>;

export const PiiExportRequestSchema = z.object({
  id: IdSchema,
  kind: z.literal('member_roster'),
  filter: MemberExportFilterSchema,
  reason: z.string(),
  /** `expired` is reported once an approval's 24 hours have passed unused. */
  status: PiiExportRequestStatusSchema,
  requestedById: IdSchema,
  requestedByName: z.string(),
  requestedAt: TimestampSchema,
  decidedById: IdSchema.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string().nullable(),
  /** An approval is usable once, until then. */
  expiresAt: TimestampSchema.nullable(),
  usedAt: TimestampSchema.nullable(),
  /** `decide`: pending, the caller is not the requester and holds `member.export_approve` over it. */
  abilities: z.object({ decide: z.boolean() }),
});
export type PiiExportRequest = z.infer<typeof PiiExportRequestSchema>;

/** `POST /member-export-requests` (`member.read`): the filter the unmasked export will apply, and why. */
export const CreatePiiExportRequestBodySchema = z
  .object({
    filter: MemberExportFilterSchema.default({ sort: 'name', order: 'asc' }),
    reason: z.string().trim().min(4, 'revealReason').max(500),
  })
  .strict();
export type CreatePiiExportRequestBody = z.infer<typeof CreatePiiExportRequestBodySchema>;

/** `POST /member-export-requests/:id/decision` (`member.export_approve`, never the requester). */
export const PiiExportDecisionBodySchema = z
  .object({ decision: z.enum(['approved', 'rejected']), note: optionalText(500) })
  .strict();
export type PiiExportDecisionBody = z.infer<typeof PiiExportDecisionBodySchema>;

export const PiiExportRequestListQuerySchema = z
  .object({ status: PiiExportRequestStatusSchema.optional(), ...pageQuery })
  .strict();

// ---------------------------------------------------------------- work units

export const WorkUnitSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The unit's Party organisation by name ('' when not known yet): it may lie outside the county. */
  partyOrgName: z.string(),
  /** Set when that organisation is in the county's tree. */
  partyOrgId: IdSchema.nullable(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number().int(),
});
export type WorkUnit = z.infer<typeof WorkUnitSchema>;

export const WorkUnitDetailSchema = WorkUnitSchema.extend({ abilities: z.object({ update: z.boolean() }) });
export type WorkUnitDetail = z.infer<typeof WorkUnitDetailSchema>;

export const WorkUnitListQuerySchema = z.object({ q: z.string().trim().max(50).optional(), ...pageQuery }).strict();
export type WorkUnitListQuery = z.infer<typeof WorkUnitListQuerySchema>;

/**
 * `POST /work-units` (`work_unit.write`). Its Party organisation is given by `partyOrgId` (an org unit of the
 * county; the name defaults to that unit's) or by `partyOrgName` alone (`workUnitPartyOrg` when neither).
 * A second unit of the same name → 409 DUPLICATE.
 */
export const CreateWorkUnitBodySchema = z
  .object({
    name: nameText(100),
    partyOrgName: nameText(100).optional(),
    partyOrgId: IdSchema.optional(),
    contactName: nameText(40).optional(),
    contactPhone: PhoneSchema.optional(),
    address: optionalText(200),
  })
  .strict()
  .refine((b) => b.partyOrgName !== undefined || b.partyOrgId !== undefined, {
    message: 'workUnitPartyOrg',
    path: ['partyOrgName'],
  });
export type CreateWorkUnitBody = z.infer<typeof CreateWorkUnitBodySchema>;

/** `PATCH /work-units/:id` with `If-Match`; `null` clears an optional field. */
export const UpdateWorkUnitBodySchema = z
  .object({
    name: nameText(100).optional(),
    partyOrgName: nameText(100).optional(),
    partyOrgId: IdSchema.nullable().optional(),
    contactName: nameText(40).nullable().optional(),
    contactPhone: PhoneSchema.nullable().optional(),
    address: z.string().trim().max(200).nullable().optional(),
  })
  .strict();
export type UpdateWorkUnitBody = z.infer<typeof UpdateWorkUnitBodySchema>;
