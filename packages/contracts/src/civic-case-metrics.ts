import { z } from 'zod';
import { UnitSchema } from './civic-cases.ts';
import { DateOnlySchema, IdSchema, nameText, optionalText, TimestampSchema } from './common.ts';

/** 三率, counts, composite scores and rankings; mediation; the in-app notification inbox. */

export const MetricsQuerySchema = z
  .object({
    /** An org node or a compound; default: the caller's widest scope. */
    orgId: IdSchema.optional(),
    compoundId: IdSchema.optional(),
    from: DateOnlySchema,
    to: DateOnlySchema,
  })
  .strict();
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;

/** Counts over a scope and period (received by receipt date; closed by closing date; rated by rating date). */
export const CaseCountsSchema = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  voided: z.number().int(),
  excluded: z.number().int(),
  dispatched: z.number().int(),
  responded: z.number().int(),
  closed: z.number().int(),
  closedResolved: z.number().int(),
  closedOnTime: z.number().int(),
  rework: z.number().int(),
  extensions: z.number().int(),
  deferrals: z.number().int(),
  rated: z.number().int(),
  ratedResolved: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
  overdueOpen: z.number().int(),
});
export type CaseCounts = z.infer<typeof CaseCountsSchema>;

/** A rate is null when its denominator is zero: "no data", never 0 % or 100 %. */
export const RatesSchema = z.object({
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  onTimeClosureRate: z.number().nullable(),
  compositeScore: z.number().nullable(),
  grade: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
});
export type Rates = z.infer<typeof RatesSchema>;

export const MetricsSchema = z.object({
  scope: z.object({ kind: z.enum(['org', 'compound']), id: IdSchema, name: z.string() }),
  from: DateOnlySchema,
  to: DateOnlySchema,
  counts: CaseCountsSchema,
  rates: RatesSchema,
  byCategory: z.array(
    z.object({ categoryId: IdSchema, name: z.string(), received: z.number().int(), closed: z.number().int() }),
  ),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  byMonth: z.array(
    z.object({ month: z.string(), received: z.number().int(), closed: z.number().int(), rates: RatesSchema }),
  ),
});
export type Metrics = z.infer<typeof MetricsSchema>;

export const RANKING_LEVELS = ['grid', 'compound', 'community', 'unit'] as const;
export const RankingQuerySchema = z
  .object({
    level: z.enum(RANKING_LEVELS),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    orgId: IdSchema.optional(),
  })
  .strict();
export const RankingSchema = z.object({
  level: z.enum(RANKING_LEVELS),
  month: z.string(),
  rows: z.array(
    z.object({
      rank: z.number().int().nullable(),
      id: IdSchema,
      name: z.string(),
      unit: UnitSchema.nullable(),
      counts: CaseCountsSchema,
      rates: RatesSchema,
      /**
       * GB/T 30428.4's score for the row's role, beside the 三率 composite the ranking is ordered by: `collector`
       * for grids (valid-report rate 60 % and response rate 40 %), `unit` for responsible units (the three rates).
       * Absent for compounds and communities, which are places rather than roles.
       */
      roleScore: z
        .object({
          role: z.enum(['unit', 'collector']),
          score: z.number().nullable(),
          grade: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
          /** Collectors only: accepted / received, capped at 1. */
          validReportRate: z.number().nullable().optional(),
        })
        .optional(),
    }),
  ),
});
export type Ranking = z.infer<typeof RankingSchema>;
export type RankingQuery = z.infer<typeof RankingQuerySchema>;

// ---------------------------------------------------------------- mediation (纠纷调解)

export const MediationPartySchema = z
  .object({
    name: nameText(40),
    role: z.enum(['applicant', 'respondent', 'other']),
    /** Masked on read. */
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/)
      .optional(),
    householdId: IdSchema.optional(),
  })
  .strict();
export const MediationSchema = z.object({
  caseId: IdSchema,
  mediatorName: z.string().nullable(),
  mediatorUserId: IdSchema.nullable(),
  parties: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['applicant', 'respondent', 'other']),
      phone: z.string().nullable(),
      householdId: IdSchema.nullable(),
    }),
  ),
  outcome: z.enum(['pending', 'agreed', 'failed']),
  agreementText: z.string().nullable(),
  agreementFileId: IdSchema.nullable(),
  sessions: z.array(
    z.object({
      id: IdSchema,
      heldOn: DateOnlySchema,
      place: z.string().nullable(),
      attendees: z.string().nullable(),
      notes: z.string(),
      createdAt: TimestampSchema,
    }),
  ),
  version: z.number().int(),
});
export type Mediation = z.infer<typeof MediationSchema>;
export const PutMediationBodySchema = z
  .object({
    mediatorName: optionalText(40),
    mediatorUserId: IdSchema.nullable().optional(),
    parties: z.array(MediationPartySchema).min(2).max(10),
  })
  .strict();
export const AddMediationSessionBodySchema = z
  .object({
    heldOn: DateOnlySchema,
    place: optionalText(100),
    attendees: optionalText(300),
    notes: nameText(4000),
  })
  .strict();
/** Record the outcome: an uploaded agreement file or text from which the agreement document is generated. */
export const MediationOutcomeBodySchema = z
  .object({
    outcome: z.enum(['agreed', 'failed']),
    agreementText: optionalText(8000),
    agreementFileId: IdSchema.optional(),
  })
  .strict();

// ---------------------------------------------------------------- notifications

export const NotificationSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where the notice leads, e.g. `/civic-cases/…`; the console and the H5 map it to their own routes. */
  link: z.string().nullable(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});
export const NotificationListQuerySchema = z
  .object({
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    unread: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const MarkNotificationsReadBodySchema = z
  .object({ ids: z.array(IdSchema).max(200).optional(), all: z.boolean().optional() })
  .strict();
