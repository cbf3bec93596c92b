import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

export const AuditOutcomeSchema = z.enum(['success', 'failure']);

export const AuditEntrySchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  at: TimestampSchema,
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: AuditOutcomeSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = z.object({
  action: z.string().trim().max(80).optional(),
  actorId: IdSchema.optional(),
  objectType: z.string().trim().max(40).optional(),
  objectId: z.string().trim().max(80).optional(),
  outcome: AuditOutcomeSchema.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
});
