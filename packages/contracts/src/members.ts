import { z } from 'zod';
import {
  DateOnlySchema,
  IdSchema,
  nameText,
  optionalText,
  PageQuerySchema,
  PhoneSchema,
  TimestampSchema,
} from './common.ts';
import { IdNumberSchema } from './id-card.ts';

/*
 * The Party-member roster and its export (imports, export requests and work units have their own files):
 * docs/api.md § Members → Roster. ID numbers, phones and addresses are masked in every answer (PI-3); only
 * `POST /members/:id/reveal` returns them, audited.
 *
 * Validation messages are keys the front ends translate (like `phone`, `termDates`): `idNumber`, `phone`,
 * `fullMemberOnRequired`, `fullMemberOnOrder`, `fullMemberOnProbationary`, `memberPlace`, `revealReason`,
 * `searchByPost`, `workUnitPartyOrg`; and from the server's own checks: `memberBranch` (not a 党支部/党总支),
 * `memberHousehold` (not in the residence compound), `dateInFuture`, `joinedBeforeBirth`, `xlsxRequired`,
 * `fileRequired`.
 */

const pageQuery = PageQuerySchema.shape;

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
