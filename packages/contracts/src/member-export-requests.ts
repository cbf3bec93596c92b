import { z } from 'zod';
import { IdSchema, optionalText, PageQuerySchema, TimestampSchema } from './common.ts';
import { MemberExportFilterSchema } from './members.ts';

/** PI-4: an unmasked roster export waits for a second person's approval. */

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
  .object({ status: PiiExportRequestStatusSchema.optional(), ...PageQuerySchema.shape })
  .strict();
