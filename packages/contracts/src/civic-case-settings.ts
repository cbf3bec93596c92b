import { z } from 'zod';
import { UnitKindSchema, UrgencySchema } from './civic-cases.ts';
import { DateOnlySchema, IdSchema, nameText, optionalText, TimestampSchema } from './common.ts';

/** What the county configures for 民情: categories, time limits, routing, the calendar, metrics and API keys. */

// ---------------------------------------------------------------- categories

/** Extra-question types: the Open311 service-definition datatypes. */
export const QUESTION_TYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export const QuestionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

export const CategoryQuestionSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'code'),
    label: nameText(60),
    type: QuestionTypeSchema,
    required: z.boolean().default(false),
    /** For the two list types: the choices. */
    options: z
      .array(z.object({ key: z.string().regex(/^[a-z0-9_]{1,40}$/), name: nameText(40) }).strict())
      .max(30)
      .default([]),
    help: optionalText(200),
  })
  .strict();
export type CategoryQuestion = z.infer<typeof CategoryQuestionSchema>;

export const CivicCategorySchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  /** Stable code, also the Open311 `service_code`. */
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  keywords: z.string().nullable(),
  sortOrder: z.number().int(),
  anonymousAllowed: z.boolean(),
  /** Only staff may file it (not offered on the resident H5 or Open311). */
  staffOnly: z.boolean(),
  defaultUrgency: UrgencySchema,
  /** Radius in metres within which open cases of this category are suggested as duplicates. */
  duplicateRadius: z.number().int(),
  questions: z.array(CategoryQuestionSchema),
  active: z.boolean(),
  version: z.number().int(),
});
export type CivicCategory = z.infer<typeof CivicCategorySchema>;
export const CivicCategoryListSchema = z.object({ items: z.array(CivicCategorySchema) });
/** `GET /civic-categories`: `all=true` (configurers only) adds retired and staff-only categories. */
export const CivicCategoryListQuerySchema = z.object({ all: z.enum(['true', 'false']).optional() }).strict();

export const CreateCivicCategoryBodySchema = z
  .object({
    parentId: IdSchema.nullable().default(null),
    code: z
      .string()
      .regex(/^[A-Za-z0-9_-]{2,20}$/, 'code')
      .optional(),
    name: nameText(30),
    nameEn: optionalText(60),
    description: optionalText(300),
    keywords: optionalText(200),
    sortOrder: z.number().int().min(0).max(10000).optional(),
    anonymousAllowed: z.boolean().default(false),
    staffOnly: z.boolean().default(false),
    defaultUrgency: UrgencySchema.default('ordinary'),
    duplicateRadius: z.number().int().min(0).max(5000).default(200),
    questions: z.array(CategoryQuestionSchema).max(20).default([]),
  })
  .strict();
export type CreateCivicCategoryBody = z.input<typeof CreateCivicCategoryBodySchema>;
/** `PATCH /civic-categories/:id` (If-Match). A category is retired with `active: false`, never deleted. */
/** Spelt out rather than `.partial()` of the create body, whose defaults would reset every field a PATCH omits. */
export const UpdateCivicCategoryBodySchema = z
  .object({
    parentId: IdSchema.nullable().optional(),
    name: nameText(30).optional(),
    nameEn: optionalText(60),
    description: optionalText(300),
    keywords: optionalText(200),
    sortOrder: z.number().int().min(0).max(10000).optional(),
    anonymousAllowed: z.boolean().optional(),
    staffOnly: z.boolean().optional(),
    defaultUrgency: UrgencySchema.optional(),
    duplicateRadius: z.number().int().min(0).max(5000).optional(),
    questions: z.array(CategoryQuestionSchema).max(20).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateCivicCategoryBody = z.input<typeof UpdateCivicCategoryBodySchema>;

// ---------------------------------------------------------------- time limits (SLA)

/** `calendar`: every minute counts (emergencies, utilities); `workday`: only minutes on working days count. */
export const SLA_BASES = ['calendar', 'workday'] as const;
export const SlaBasisSchema = z.enum(SLA_BASES);
export type SlaBasis = z.infer<typeof SlaBasisSchema>;

export const SlaRuleSchema = z.object({
  id: IdSchema,
  /** Null: the county default for every category without its own row. */
  categoryId: IdSchema.nullable(),
  urgency: UrgencySchema,
  step: z.enum(['accept', 'sign', 'handle', 'verify']),
  minutes: z.number().int(),
  basis: SlaBasisSchema,
  version: z.number().int(),
});
export type SlaRule = z.infer<typeof SlaRuleSchema>;
export const SlaRuleListSchema = z.object({ items: z.array(SlaRuleSchema) });
/** `PUT /civic-slas`: set one cell of the table (creates or replaces it). */
export const PutSlaRuleBodySchema = z
  .object({
    categoryId: IdSchema.nullable(),
    urgency: UrgencySchema,
    step: z.enum(['accept', 'sign', 'handle', 'verify']),
    minutes: z
      .number()
      .int()
      .min(10)
      .max(60 * 24 * 90),
    basis: SlaBasisSchema,
  })
  .strict();
export type PutSlaRuleBody = z.infer<typeof PutSlaRuleBodySchema>;

// ---------------------------------------------------------------- routing

/**
 * A rule sends cases of a category (or of any category) in an org scope to a responsible unit. The most
 * specific rule wins: the deepest scope, then a category over its parent over "any". With no rule, the case
 * goes to the compound's community (属地兜底).
 */
export const ROUTING_TARGETS = ['property_company', 'grid_worker', 'branch', 'org'] as const;
export const RoutingTargetSchema = z.enum(ROUTING_TARGETS);
export type RoutingTarget = z.infer<typeof RoutingTargetSchema>;

export const RoutingRuleSchema = z.object({
  id: IdSchema,
  scope: z.object({ kind: z.enum(['org', 'compound']), id: IdSchema, name: z.string() }),
  categoryId: IdSchema.nullable(),
  categoryName: z.string().nullable(),
  target: RoutingTargetSchema,
  /** For `org`: the county department or organ Party organisation. */
  targetOrg: z.object({ id: IdSchema, name: z.string() }).nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export const RoutingRuleListSchema = z.object({ items: z.array(RoutingRuleSchema) });
export const CreateRoutingRuleBodySchema = z
  .object({
    scope: z.object({ kind: z.enum(['org', 'compound']), id: IdSchema }).strict(),
    categoryId: IdSchema.nullable().default(null),
    target: RoutingTargetSchema,
    targetOrgId: IdSchema.optional(),
  })
  .strict();
export const UpdateRoutingRuleBodySchema = z
  .object({
    target: RoutingTargetSchema.optional(),
    targetOrgId: IdSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
/** `GET /civic-routing/preview?compoundId&categoryId`: which unit a new case would go to, and why. */
export const RoutingPreviewQuerySchema = z.object({ compoundId: IdSchema, categoryId: IdSchema }).strict();
export const RoutingPreviewSchema = z.object({
  unit: z.object({ kind: UnitKindSchema, id: IdSchema, name: z.string() }),
  ruleId: IdSchema.nullable(),
  fallback: z.boolean(),
});

// ---------------------------------------------------------------- working-day calendar

/** A day that differs from the Monday–Friday rule: a statutory holiday, or a 调休 make-up working day. */
export const CalendarDaySchema = z.object({
  day: DateOnlySchema,
  workday: z.boolean(),
  name: z.string().nullable(),
  source: z.enum(['package', 'county']),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;
export const CalendarYearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export const CalendarYearSchema = z.object({
  year: z.number().int(),
  days: z.array(CalendarDaySchema),
  /** False when neither the package nor the county has published the year's holidays: weekends only. */
  published: z.boolean(),
});
export const PutCalendarDayBodySchema = z.object({ workday: z.boolean(), name: optionalText(30) }).strict();
export const CalendarDayParamsSchema = z.object({ day: DateOnlySchema }).strict();

// ---------------------------------------------------------------- metrics settings

export const MetricSettingsSchema = z
  .object({
    /** Weights of 响应率 / 解决率 / 满意率 in the composite score; they add up to 100. */
    weights: z
      .object({
        response: z.number().min(0).max(100),
        resolution: z.number().min(0).max(100),
        satisfaction: z.number().min(0).max(100),
      })
      .strict()
      .refine((w) => Math.abs(w.response + w.resolution + w.satisfaction - 100) < 1e-9, 'weights_sum'),
    /** How much a 基本满意 counts towards the satisfaction rate (0 … 1). */
    basicallySatisfiedWeight: z.number().min(0).max(1),
    /** Voided cases with these reasons are left out of every rate. */
    excludedVoidReasons: z.array(z.enum(['duplicate', 'out_of_scope', 'insufficient', 'not_responsible', 'referred'])),
    /** Lowest composite score of grades A, B, C and D; below D is E. */
    gradeFloors: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }).strict(),
    /** Days after closing during which the reporter may reopen. */
    reopenWindowDays: z.number().int().min(0).max(90),
    /** A step counts as due soon once this share of its time has passed. */
    dueSoonShare: z.number().min(0.5).max(0.99),
  })
  .strict();
export type MetricSettings = z.infer<typeof MetricSettingsSchema>;
export const DEFAULT_METRIC_SETTINGS: MetricSettings = {
  weights: { response: 30, resolution: 35, satisfaction: 35 },
  basicallySatisfiedWeight: 0.8,
  excludedVoidReasons: ['duplicate', 'out_of_scope'],
  gradeFloors: { A: 90, B: 80, C: 70, D: 60 },
  reopenWindowDays: 7,
  dueSoonShare: 0.8,
};
export const MetricSettingsResponseSchema = z.object({ settings: MetricSettingsSchema, version: z.number().int() });

// ---------------------------------------------------------------- Open311 API keys

export const ApiKeySchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The first characters, to recognise a key; the whole key is shown once when issued. */
  prefix: z.string(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable(),
});
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) });
export const CreateApiKeyBodySchema = z.object({ name: nameText(60) }).strict();
export const IssuedApiKeySchema = ApiKeySchema.extend({ key: z.string() });
