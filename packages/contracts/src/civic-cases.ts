import { z } from 'zod';
import { DateOnlySchema, IdSchema, LocationSchema, nameText, optionalText, pageOf, TimestampSchema } from './common.ts';
import { RatingSchema } from './posts.ts';

/**
 * 民情 (civic cases): the closed loop of domain-cn §1.4–1.5 — 征集 → 归纳 → 受理/作废 → 派遣 → 签收 → 处理
 * (延期 / 挂账) → 反馈 → 核查 → 结案 / 返工 → 回访评价, with 督办 all the way.
 */

export const CIVIC_CASE_STATUSES = [
  'submitted',
  'triaged',
  'accepted',
  'dispatched',
  'signed',
  'in_progress',
  'deferred',
  'rework',
  'handled',
  'verified',
  'closed',
  'voided',
] as const;
export const CivicCaseStatusSchema = z.enum(CIVIC_CASE_STATUSES);
export type CivicCaseStatus = z.infer<typeof CivicCaseStatusSchema>;

/**
 * How a finished case ended. `unresolved` is "closed but not fixed" (no conditions, not responsible, …): it is
 * never counted as solved.
 */
export const CIVIC_CASE_END_TYPES = ['resolved', 'unresolved', 'voided'] as const;
export const CivicCaseEndTypeSchema = z.enum(CIVIC_CASE_END_TYPES);
export type CivicCaseEndType = z.infer<typeof CivicCaseEndTypeSchema>;

/** Every action the state machine knows; the transition table in the server says from where each may run. */
export const CIVIC_CASE_ACTIONS = [
  'triage',
  'accept',
  'void',
  'merge',
  'dispatch',
  'send_back',
  'reassign',
  'sign',
  'contact',
  'start',
  'request_extension',
  'request_deferral',
  'decide_request',
  'resume',
  'handle',
  'verify',
  'reject',
  'close',
  'rate',
  'reopen',
  'comment',
  'supervise',
] as const;
export const CivicCaseActionSchema = z.enum(CIVIC_CASE_ACTIONS);
export type CivicCaseAction = z.infer<typeof CivicCaseActionSchema>;

/** Event types: every action, plus what the system writes itself. */
export const CIVIC_CASE_EVENT_TYPES = [
  'submit',
  ...CIVIC_CASE_ACTIONS,
  'answer_supervision',
  'follow',
  'overdue',
  'auto_route',
] as const;
export const CivicCaseEventTypeSchema = z.enum(CIVIC_CASE_EVENT_TYPES);
export type CivicCaseEventType = z.infer<typeof CivicCaseEventTypeSchema>;

/** 作废 reasons (domain-cn §1.5; FixMyStreet's closed types). */
export const VOID_REASONS = ['duplicate', 'out_of_scope', 'insufficient', 'not_responsible', 'referred'] as const;
export const VoidReasonSchema = z.enum(VOID_REASONS);
export type VoidReason = z.infer<typeof VoidReasonSchema>;

/** The 12345 tiers: emergency 2 h, utilities (水电气热) 24 h, ordinary 7 days, complex 15 days. */
export const URGENCIES = ['emergency', 'utility', 'ordinary', 'complex'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

/** The timed steps of the SLA table. */
export const SLA_STEPS = ['accept', 'sign', 'handle', 'verify'] as const;
export const SlaStepSchema = z.enum(SLA_STEPS);
export type SlaStep = z.infer<typeof SlaStepSchema>;

export const INTAKE_CHANNELS = [
  'h5',
  'proxy',
  'visit',
  'reception',
  'hotline',
  'suggestion_box',
  'meeting',
  'open311',
] as const;
export const IntakeChannelSchema = z.enum(INTAKE_CHANNELS);
export type IntakeChannel = z.infer<typeof IntakeChannelSchema>;

/** 接诉即办's five kinds of request: 咨询、求助、投诉、举报、建议. */
export const CASE_NATURES = ['consult', 'help', 'complaint', 'report', 'suggestion'] as const;
export const CaseNatureSchema = z.enum(CASE_NATURES);
export type CaseNature = z.infer<typeof CaseNatureSchema>;

/** An ordinary case, or a dispute to mediate (纠纷调解) with parties, sessions and an agreement. */
export const CIVIC_CASE_KINDS = ['request', 'mediation'] as const;
export const CivicCaseKindSchema = z.enum(CIVIC_CASE_KINDS);
export type CivicCaseKind = z.infer<typeof CivicCaseKindSchema>;

/** Who answers for a dispatched case: the compound's property company, a grid, a branch, or an org unit. */
export const UNIT_KINDS = ['property_company', 'grid', 'branch', 'org'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const UnitRefSchema = z.object({ kind: UnitKindSchema, id: IdSchema }).strict();
export type UnitRef = z.infer<typeof UnitRefSchema>;
export const UnitSchema = z.object({ kind: UnitKindSchema, id: IdSchema, name: z.string() });
export type Unit = z.infer<typeof UnitSchema>;

/** Extra-question answers keyed by question code; a multi-value list answers with an array. */
export const CaseAnswersSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  z.union([z.string().max(2000), z.number(), z.array(z.string().max(200)).max(20)]),
);
export type CaseAnswers = z.infer<typeof CaseAnswersSchema>;

/** Where the problem is: a compound and optionally building / unit / room, a grid, a map point, free text. */
export const CasePlaceSchema = z
  .object({
    compoundId: IdSchema,
    building: optionalText(20),
    unit: optionalText(20),
    room: optionalText(20),
    householdId: IdSchema.optional(),
    gridId: IdSchema.optional(),
    location: LocationSchema.optional(),
    addressText: optionalText(200),
  })
  .strict();
export type CasePlace = z.infer<typeof CasePlaceSchema>;

const photoIds = z.array(IdSchema).max(9).default([]);

/** `POST /me/civic-cases` (Idempotency-Key required): a resident or member reports, optionally anonymously. */
export const SubmitCivicCaseBodySchema = z
  .object({
    categoryId: IdSchema,
    title: nameText(60),
    description: z.string().trim().min(1).max(4000),
    nature: z.enum(['consult', 'help', 'complaint', 'report', 'suggestion']).default('help'),
    place: CasePlaceSchema,
    answers: CaseAnswersSchema.default({}),
    photoIds,
    /** PI-8: no user id, phone, IP or precise location is kept; the reporter gets a tracking code. */
    anonymous: z.boolean().default(false),
  })
  .strict();
export type SubmitCivicCaseBody = z.input<typeof SubmitCivicCaseBodySchema>;

/** `POST /civic-cases` (Idempotency-Key required): staff file on a resident's behalf or from another channel. */
export const FileCivicCaseBodySchema = SubmitCivicCaseBodySchema.extend({
  channel: z.enum(['proxy', 'visit', 'reception', 'hotline', 'suggestion_box', 'meeting']),
  kind: CivicCaseKindSchema.default('request'),
  urgency: UrgencySchema.optional(),
  reporterName: optionalText(40),
  reporterPhone: z
    .string()
    .regex(/^1[3-9]\d{9}$/)
    .optional(),
  /** The household visit (visit channel) or meeting resolution (meeting channel) the case came from. */
  visitId: IdSchema.optional(),
  sourceRef: optionalText(200),
}).strict();
export type FileCivicCaseBody = z.input<typeof FileCivicCaseBodySchema>;

/** `POST /public/civic-cases` without an account: anonymous only, where the category allows it. */
export const PublicSubmitCivicCaseBodySchema = SubmitCivicCaseBodySchema.omit({ anonymous: true }).strict();

export const SubmittedCivicCaseSchema = z.object({
  id: IdSchema.nullable(),
  number: z.string(),
  /** Only for anonymous reports: the one way back to the case. */
  trackingCode: z.string().nullable(),
  status: CivicCaseStatusSchema,
});
export type SubmittedCivicCase = z.infer<typeof SubmittedCivicCaseSchema>;

export const CaseFileSchema = z.object({
  id: IdSchema,
  kind: z.enum(['report', 'result', 'agreement', 'other']),
  contentType: z.string(),
  /** Null when no thumbnail could be made (not an image). */
  thumbnailUrl: z.string().nullable(),
  url: z.string(),
});
export type CaseFile = z.infer<typeof CaseFileSchema>;

export const CivicCaseEventSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  type: CivicCaseEventTypeSchema,
  fromStatus: CivicCaseStatusSchema.nullable(),
  toStatus: CivicCaseStatusSchema.nullable(),
  actorName: z.string().nullable(),
  at: TimestampSchema,
  /** The limit of the step this event ended, if it ended one, and whether it was kept. */
  deadline: TimestampSchema.nullable(),
  onTime: z.boolean().nullable(),
  publicNote: z.string().nullable(),
  /** Absent for the reporter and the public. */
  internalNote: z.string().nullable().optional(),
  files: z.array(CaseFileSchema),
  data: z.record(z.string(), z.unknown()),
});
export type CivicCaseEvent = z.infer<typeof CivicCaseEventSchema>;

export const CivicCaseSummarySchema = z.object({
  id: IdSchema,
  number: z.string(),
  kind: CivicCaseKindSchema,
  title: z.string(),
  categoryId: IdSchema,
  categoryName: z.string(),
  urgency: UrgencySchema,
  channel: IntakeChannelSchema,
  status: CivicCaseStatusSchema,
  endType: CivicCaseEndTypeSchema.nullable(),
  compoundId: IdSchema,
  compoundName: z.string(),
  gridId: IdSchema.nullable(),
  unit: UnitSchema.nullable(),
  /** The current step's limit, the inbox's sort key. */
  deadlineAt: TimestampSchema.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  pendingRequest: z.enum(['extension', 'deferral']).nullable(),
  followerCount: z.number().int(),
  reworkCount: z.number().int(),
  openSupervisions: z.number().int(),
  anonymous: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type CivicCaseSummary = z.infer<typeof CivicCaseSummarySchema>;
export const CivicCasePageSchema = pageOf(CivicCaseSummarySchema);

export const CivicCaseRatingSchema = z.object({
  resolved: z.boolean(),
  rating: RatingSchema,
  comment: z.string().nullable(),
  ratedAt: TimestampSchema,
  byReporter: z.boolean(),
});

export const CivicCaseDetailSchema = CivicCaseSummarySchema.extend({
  description: z.string(),
  nature: CaseNatureSchema,
  answers: CaseAnswersSchema,
  building: z.string().nullable(),
  unitNo: z.string().nullable(),
  room: z.string().nullable(),
  addressText: z.string().nullable(),
  location: LocationSchema.nullable(),
  /** Masked; staff with `civic_case.dispatch` or the handling unit may reveal it, audited. Never for anonymous cases. */
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  voidReason: VoidReasonSchema.nullable(),
  mergedInto: z.object({ id: IdSchema, number: z.string() }).nullable(),
  merged: z.array(z.object({ id: IdSchema, number: z.string() })),
  assists: z.array(UnitSchema),
  handleDeadlineAt: TimestampSchema.nullable(),
  signedAt: TimestampSchema.nullable(),
  contactedAt: TimestampSchema.nullable(),
  handledAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  rating: CivicCaseRatingSchema.nullable(),
  files: z.array(CaseFileSchema),
  events: z.array(CivicCaseEventSchema),
  following: z.boolean(),
  version: z.number().int(),
  /** `{ [action]: true }` for every action this user may take now. */
  abilities: z.record(z.string(), z.boolean()),
});
export type CivicCaseDetail = z.infer<typeof CivicCaseDetailSchema>;

/** The public view: by tracking code, or for the reporter — no names, no internal notes. */
export const PublicCivicCaseSchema = z.object({
  number: z.string(),
  title: z.string(),
  categoryName: z.string(),
  status: CivicCaseStatusSchema,
  endType: CivicCaseEndTypeSchema.nullable(),
  compoundName: z.string(),
  createdAt: TimestampSchema,
  handleDeadlineAt: TimestampSchema.nullable(),
  events: z.array(CivicCaseEventSchema.omit({ internalNote: true, actorName: true })),
});
export type PublicCivicCase = z.infer<typeof PublicCivicCaseSchema>;

/** `POST /civic-cases/:id/actions/:action` (If-Match): one body per action, checked against the transition table. */
export const CaseActionBodySchema = z
  .object({
    publicNote: optionalText(1000),
    internalNote: optionalText(1000),
    fileIds: z.array(IdSchema).max(9).optional(),
    /** triage / accept: correct the category or urgency. */
    categoryId: IdSchema.optional(),
    urgency: UrgencySchema.optional(),
    /** void */
    voidReason: VoidReasonSchema.optional(),
    /** merge: the open case this one duplicates. */
    intoCaseId: IdSchema.optional(),
    /** dispatch / reassign: the lead unit (default: the routing rule's) and assisting units (首接负责). */
    unit: UnitRefSchema.optional(),
    assists: z.array(UnitRefSchema).max(5).optional(),
    /** request_extension: extra time asked for, in minutes of the step's basis. */
    extraMinutes: z
      .number()
      .int()
      .min(30)
      .max(60 * 24 * 60)
      .optional(),
    /** request_deferral: until when the case is parked (挂账). */
    deferUntil: DateOnlySchema.optional(),
    reason: optionalText(500),
    /** decide_request */
    grant: z.boolean().optional(),
    /** close */
    endType: z.enum(['resolved', 'unresolved']).optional(),
    /** rate */
    resolved: z.boolean().optional(),
    rating: RatingSchema.optional(),
  })
  .strict();
export type CaseActionBody = z.infer<typeof CaseActionBodySchema>;

export const CaseActionParamsSchema = z.object({ id: IdSchema, action: CivicCaseActionSchema }).strict();

/**
 * `GET /me/civic-cases/:id`: a case I reported or follow, as the public sees it, plus what I may do on it —
 * `rate` once it is closed and not yet rated, `reopen` within the reopen window (both for the reporter only).
 */
export const MyCivicCaseSchema = PublicCivicCaseSchema.extend({
  id: IdSchema,
  rating: CivicCaseRatingSchema.nullable(),
  /** True when I reported it; false when I follow it ("me too"). */
  reporter: z.boolean(),
  followerCount: z.number().int(),
  abilities: z.object({ rate: z.boolean(), reopen: z.boolean() }),
  /** For `If-Match` on rate and reopen (also sent as the ETag). */
  version: z.number().int(),
});
export type MyCivicCase = z.infer<typeof MyCivicCaseSchema>;

/** `GET /public/civic-cases/:trackingCode`: the code as printed (10 Crockford base32 characters, dashes allowed). */
export const TrackingCodeParamsSchema = z
  .object({
    trackingCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{10,14}$/),
  })
  .strict();
