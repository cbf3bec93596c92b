import { z } from 'zod';
import {
  CivicCaseKindSchema,
  CivicCaseStatusSchema,
  IntakeChannelSchema,
  UnitRefSchema,
  UnitSchema,
  UrgencySchema,
} from './civic-cases.ts';
import { DateOnlySchema, IdSchema, nameText, pageOf, TimestampSchema } from './common.ts';

/**
 * 民情 lists around a case: the case-centre query and bulk dispatch, duplicate candidates, saved views, 督办
 * (supervisions and the board) and revealing a reporter's contact.
 */

/** `GET /civic-cases`: the case centre and the handler inbox share this query. */
export const CivicCaseListQuerySchema = z
  .object({
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    /** `inbox`: cases waiting for my unit or me; `all`: everything in my scope. */
    view: z.enum(['all', 'inbox', 'supervision']).default('all'),
    status: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/)
      .max(200)
      .optional(),
    categoryId: IdSchema.optional(),
    urgency: UrgencySchema.optional(),
    channel: IntakeChannelSchema.optional(),
    kind: CivicCaseKindSchema.optional(),
    compoundId: IdSchema.optional(),
    gridId: IdSchema.optional(),
    orgId: IdSchema.optional(),
    unitId: IdSchema.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    from: DateOnlySchema.optional(),
    to: DateOnlySchema.optional(),
    q: z.string().trim().max(50).optional(),
    sort: z.enum(['deadline', 'created', 'updated']).default('created'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type CivicCaseListQuery = z.infer<typeof CivicCaseListQuerySchema>;

/** `POST /civic-cases/bulk-dispatch`: dispatch many accepted cases to their routed (or one chosen) unit. */
export const BulkDispatchBodySchema = z
  .object({ caseIds: z.array(IdSchema).min(1).max(100), unit: UnitRefSchema.optional() })
  .strict();
export const BulkDispatchResultSchema = z.object({
  dispatched: z.array(IdSchema),
  failed: z.array(z.object({ id: IdSchema, code: z.string() })),
});

/** `GET /civic-cases/duplicates`: open cases like the one being reported (same category, nearby, recent, similar). */
export const DuplicateQuerySchema = z
  .object({
    categoryId: IdSchema,
    compoundId: IdSchema,
    lng: z.coerce.number().min(-180).max(180).optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    text: z.string().trim().max(200).optional(),
  })
  .strict();
export const DuplicateCandidateSchema = z.object({
  id: IdSchema,
  number: z.string(),
  title: z.string(),
  status: CivicCaseStatusSchema,
  compoundName: z.string(),
  createdAt: TimestampSchema,
  followerCount: z.number().int(),
  /** 0–1: how alike the texts are. */
  similarity: z.number(),
  distanceMetres: z.number().nullable(),
  thumbnailUrl: z.string().nullable(),
});
export const DuplicateListSchema = z.object({ items: z.array(DuplicateCandidateSchema) });

/** Saved views of the case centre: a name and the query they stand for. */
export const SavedViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  query: z.record(z.string(), z.string()),
  createdAt: TimestampSchema,
});
export const SavedViewListSchema = z.object({ items: z.array(SavedViewSchema) });
export const CreateSavedViewBodySchema = z
  .object({ name: nameText(30), query: z.record(z.string().max(30), z.string().max(200)) })
  .strict();

/** 督办: an escalation of an overdue or stuck case to the next organisation up, which must be answered. */
export const SupervisionSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  caseNumber: z.string(),
  caseTitle: z.string(),
  kind: z.enum(['auto', 'manual']),
  level: z.object({ id: IdSchema, name: z.string() }),
  unit: UnitSchema.nullable(),
  reason: z.string(),
  status: z.enum(['open', 'answered']),
  dueAt: TimestampSchema,
  answer: z.string().nullable(),
  answeredAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
});
export type Supervision = z.infer<typeof SupervisionSchema>;
export const SupervisionPageSchema = pageOf(SupervisionSchema);
export const SupervisionListQuerySchema = z
  .object({
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    status: z.enum(['open', 'answered']).optional(),
  })
  .strict();
export const AnswerSupervisionBodySchema = z.object({ answer: nameText(1000) }).strict();

/** The supervisors' board: overdue, due soon, returned and supervised cases per responsible unit. */
export const SupervisionBoardSchema = z.object({
  units: z.array(
    z.object({
      unit: UnitSchema,
      open: z.number().int(),
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      rework: z.number().int(),
      openSupervisions: z.number().int(),
    }),
  ),
  generatedAt: TimestampSchema,
});

export const RevealReporterBodySchema = z.object({ reason: nameText(200) }).strict();
export const RevealedReporterSchema = z.object({ name: z.string().nullable(), phone: z.string().nullable() });
