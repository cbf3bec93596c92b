import { z } from 'zod';
import {
  AbilitiesSchema,
  DateOnlySchema,
  IdSchema,
  nameText,
  optionalText,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  PhoneSchema,
  pageOf,
  TimestampSchema,
} from './common.ts';

/*
 * Households (building-unit-room) with residents, 党员联系住户 links, the visit log (走访), the signed-in member's
 * own record and the 亮身份 badge. See docs/api.md § Members → Households.
 */

const cursorLimit = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
};
/** Query-string booleans arrive as text. */
const QueryBoolSchema = z.enum(['true', 'false']);

// ── Households ────────────────────────────────────────────────────────────────

/** One address part: `3栋`, `2单元`, `501`. */
const AddressPart = (max = 20) => z.string().trim().min(1).max(max);

export const HouseholdSchema = z.object({
  id: IdSchema,
  compoundId: IdSchema,
  compoundName: z.string(),
  gridId: IdSchema.nullable(),
  gridName: z.string().nullable(),
  building: z.string(),
  /** '' when the building has no units. */
  unit: z.string(),
  room: z.string(),
  /** The display address: building + unit + room, e.g. 「3栋2单元501」. */
  label: z.string(),
  note: z.string().nullable(),
  residentCount: z.number().int(),
  linkedMemberCount: z.number().int(),
  lastVisitOn: DateOnlySchema.nullable(),
  version: z.number().int(),
});
export type Household = z.infer<typeof HouseholdSchema>;
export const HouseholdPageSchema = pageOf(HouseholdSchema);

/**
 * `GET /households`: sorted by address (building, unit, room; numerically where the parts start with digits,
 * so 「2栋」 comes before 「10栋」). `q` matches any address part or the label.
 */
export const HouseholdListQuerySchema = z
  .object({
    compoundId: IdSchema.optional(),
    gridId: IdSchema.optional(),
    building: z.string().trim().min(1).max(20).optional(),
    q: z.string().trim().min(1).max(50).optional(),
    ...cursorLimit,
  })
  .strict();
export type HouseholdListQuery = z.infer<typeof HouseholdListQuerySchema>;
/** `GET /households/export` (CSV): the list filters without paging. */
export const HouseholdExportQuerySchema = HouseholdListQuerySchema.omit({ cursor: true, limit: true });
export type HouseholdExportQuery = z.infer<typeof HouseholdExportQuerySchema>;

/** A grid, when given, must belong to the compound. The address is unique per compound (`409 DUPLICATE`). */
export const CreateHouseholdBodySchema = z
  .object({
    compoundId: IdSchema,
    gridId: IdSchema.optional(),
    building: AddressPart(),
    unit: z.string().trim().max(20).default(''),
    room: AddressPart(),
    note: optionalText(500),
  })
  .strict();
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBodySchema>;

/** `PATCH /households/:id` with `If-Match`; the compound cannot change. `gridId: null` / `note: null` clear. */
export const UpdateHouseholdBodySchema = z
  .object({
    gridId: IdSchema.nullable(),
    building: AddressPart(),
    unit: z.string().trim().max(20),
    room: AddressPart(),
    note: z.string().trim().max(500).nullable(),
  })
  .partial()
  .strict();
export type UpdateHouseholdBody = z.infer<typeof UpdateHouseholdBodySchema>;

// ── Residents ─────────────────────────────────────────────────────────────────

export const RESIDENT_RELATIONS = ['owner', 'tenant', 'family', 'other'] as const;
export const ResidentRelationSchema = z.enum(RESIDENT_RELATIONS);
export type ResidentRelation = z.infer<typeof ResidentRelationSchema>;

/** Minimal PII: a name, the relation to the household, a masked phone. */
export const ResidentSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  name: z.string(),
  relation: ResidentRelationSchema,
  phoneMasked: z.string().nullable(),
  /** An account with the same phone exists (the resident can rate services done for the household). */
  hasAccount: z.boolean(),
  version: z.number().int(),
});
export type Resident = z.infer<typeof ResidentSchema>;

export const CreateResidentBodySchema = z
  .object({ name: nameText(40), relation: ResidentRelationSchema, phone: PhoneSchema.optional() })
  .strict();
export type CreateResidentBody = z.infer<typeof CreateResidentBodySchema>;
/** `PATCH /residents/:id` with `If-Match`; a missing `phone` keeps the stored number, `phone: null` clears it. */
export const UpdateResidentBodySchema = z
  .object({ name: nameText(40), relation: ResidentRelationSchema, phone: PhoneSchema.nullable() })
  .partial()
  .strict();
export type UpdateResidentBody = z.infer<typeof UpdateResidentBodySchema>;

// ── 党员联系住户 links ─────────────────────────────────────────────────────────

export const HouseholdLinkSchema = z.object({
  id: IdSchema,
  memberId: IdSchema,
  memberName: z.string(),
  householdId: IdSchema,
  householdLabel: z.string(),
  compoundId: IdSchema,
  compoundName: z.string(),
  createdAt: TimestampSchema,
});
export type HouseholdLink = z.infer<typeof HouseholdLinkSchema>;

/** `POST /households/:id/links`: the same member and household twice → `409 DUPLICATE`. */
export const CreateHouseholdLinkBodySchema = z.object({ memberId: IdSchema }).strict();
export type CreateHouseholdLinkBody = z.infer<typeof CreateHouseholdLinkBodySchema>;

/** `GET /household-links`: one of `memberId` / `householdId` is required; answers `{ items }` (unpaged, small). */
export const HouseholdLinkListQuerySchema = z
  .object({ memberId: IdSchema.optional(), householdId: IdSchema.optional() })
  .strict()
  .refine((q) => q.memberId !== undefined || q.householdId !== undefined, {
    message: 'memberId or householdId',
    path: ['memberId'],
  });
export type HouseholdLinkListQuery = z.infer<typeof HouseholdLinkListQuerySchema>;
export const HouseholdLinkListSchema = z.object({ items: z.array(HouseholdLinkSchema) });

// ── Visits (走访) ─────────────────────────────────────────────────────────────

export const HouseholdVisitSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  householdLabel: z.string(),
  compoundId: IdSchema,
  compoundName: z.string(),
  visitedOn: DateOnlySchema,
  visitorUserId: IdSchema,
  visitorName: z.string(),
  /** The visiting Party member, when the visitor is one. */
  memberId: IdSchema.nullable(),
  memberName: z.string().nullable(),
  summary: z.string(),
  findings: z.string().nullable(),
  /** The findings need action: they can be raised later as 民情 (`civicCaseId` is set then). */
  followUp: z.boolean(),
  civicCaseId: IdSchema.nullable(),
  createdAt: TimestampSchema,
});
export type HouseholdVisit = z.infer<typeof HouseholdVisitSchema>;
export const HouseholdVisitPageSchema = pageOf(HouseholdVisitSchema);

/** `visitedOn` may not lie in the future; `followUp` needs `findings`. */
export const CreateHouseholdVisitBodySchema = z
  .object({
    visitedOn: DateOnlySchema,
    summary: nameText(1000),
    findings: optionalText(2000),
    followUp: z.boolean().default(false),
  })
  .strict()
  .refine((b) => !b.followUp || (b.findings !== undefined && b.findings.length > 0), {
    message: 'findings',
    path: ['findings'],
  });
export type CreateHouseholdVisitBody = z.infer<typeof CreateHouseholdVisitBodySchema>;

/** `GET /household-visits`: newest first (`visitedOn`, then creation). */
export const HouseholdVisitListQuerySchema = z
  .object({
    compoundId: IdSchema.optional(),
    householdId: IdSchema.optional(),
    memberId: IdSchema.optional(),
    followUp: QueryBoolSchema.optional(),
    from: DateOnlySchema.optional(),
    to: DateOnlySchema.optional(),
    ...cursorLimit,
  })
  .strict();
export type HouseholdVisitListQuery = z.infer<typeof HouseholdVisitListQuerySchema>;

export const HouseholdDetailSchema = HouseholdSchema.extend({
  residents: z.array(ResidentSchema),
  links: z.array(HouseholdLinkSchema),
  /** The last 20 visits, newest first. */
  recentVisits: z.array(HouseholdVisitSchema),
  /** `update` (edit, residents), `link` (add/remove 党员联系住户), `visit` (log a 走访). */
  abilities: AbilitiesSchema,
});
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

// ── My record (H5) ────────────────────────────────────────────────────────────

export const ServiceTotalsSchema = z.object({ count: z.number().int(), hours: z.number() });

export const MyMemberRecordSchema = z.object({
  memberId: IdSchema,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(['full', 'probationary']),
  employment: z.enum(['in_service', 'retired', 'other']),
  branchName: z.string().nullable(),
  compoundId: IdSchema.nullable(),
  compoundName: z.string().nullable(),
  householdId: IdSchema.nullable(),
  householdLabel: z.string().nullable(),
  reportIn: z.object({
    status: z.enum(['none', 'pending', 'confirmed', 'rejected']),
    /** When the latest report-in was confirmed (or registered, while pending / after a rejection). */
    date: TimestampSchema.nullable(),
    compoundName: z.string().nullable(),
  }),
  /** Approved post claims. */
  posts: z.array(z.object({ postId: IdSchema, title: z.string(), compoundName: z.string() })),
  services: z.object({ thisYear: ServiceTotalsSchema, allTime: ServiceTotalsSchema }),
  /** Rated services by rating, all time. */
  ratings: z.object({
    satisfied: z.number().int(),
    basicallySatisfied: z.number().int(),
    dissatisfied: z.number().int(),
  }),
  linkedHouseholds: z.array(
    z.object({ linkId: IdSchema, householdId: IdSchema, label: z.string(), compoundName: z.string() }),
  ),
});
export type MyMemberRecord = z.infer<typeof MyMemberRecordSchema>;

// ── 亮身份 badge ───────────────────────────────────────────────────────────────

/** The random badge token in the QR code (32 random bytes, base64url). */
export const BadgeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'badgeToken');
export const BadgeTokenParamsSchema = z.object({ token: BadgeTokenSchema }).strict();

/** `POST /me/badge/renew` takes an empty JSON object `{}`. */
export const RenewBadgeBodySchema = z.object({}).strict();

/** `GET /me/badge` and `POST /me/badge/renew` (a new token: the old QR code stops verifying). */
export const MemberBadgeSchema = z.object({
  name: z.string(),
  branchName: z.string().nullable(),
  /** Titles of the member's approved posts. */
  posts: z.array(z.string()),
  /** The H5 route the QR code opens, relative (`/m/verify/<token>`); the H5 makes it absolute. */
  verifyUrl: z.string(),
  token: BadgeTokenSchema,
});
export type MemberBadge = z.infer<typeof MemberBadgeSchema>;

/** `GET /public/badges/:token` (no session): exactly these keys, nothing else about the member. */
export const PublicBadgeSchema = z
  .object({
    name: z.string(),
    branchName: z.string().nullable(),
    posts: z.array(z.string()),
    verifiedAt: TimestampSchema,
  })
  .strict();
export type PublicBadge = z.infer<typeof PublicBadgeSchema>;
