import { z } from 'zod';
import { RoleAssignmentViewSchema, UsernameSchema } from './auth.ts';
import { AbilitiesSchema, IdSchema, nameText, PhoneSchema, TimestampSchema } from './common.ts';
import { RoleSchema, ScopeKindSchema } from './roles.ts';

export const AccountStatusSchema = z.enum(['active', 'disabled', 'locked']);

export const AccountSchema = z.object({
  id: IdSchema,
  username: z.string().nullable(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  status: AccountStatusSchema,
  totpEnrolled: z.boolean(),
  roles: z.array(RoleAssignmentViewSchema),
  lastLoginAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  version: z.number().int(),
});
export type Account = z.infer<typeof AccountSchema>;

/** `GET /accounts/:id`: the account plus what the caller may do with it (`setStatus`, `unlock`, `assignRole`). */
export const AccountDetailSchema = AccountSchema.extend({ abilities: AbilitiesSchema });
export type AccountDetail = z.infer<typeof AccountDetailSchema>;

export const AccountListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  role: RoleSchema.optional(),
  status: AccountStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type AccountListQuery = z.infer<typeof AccountListQuerySchema>;

/** Created by sys_admin; the one-time password is shown once and must be changed at first login (SEC-7). */
export const CreateAccountBodySchema = z
  .object({ username: UsernameSchema, displayName: nameText(40), phone: PhoneSchema.optional() })
  .strict();
export type CreateAccountBody = z.infer<typeof CreateAccountBodySchema>;
export const CreatedAccountSchema = z.object({ account: AccountSchema, oneTimePassword: z.string() });
export type CreatedAccount = z.infer<typeof CreatedAccountSchema>;

export const SetAccountStatusBodySchema = z.object({ status: z.enum(['active', 'disabled']) }).strict();
export type SetAccountStatusBody = z.infer<typeof SetAccountStatusBodySchema>;

export const AssignRoleBodySchema = z
  .object({ role: RoleSchema, scopeKind: ScopeKindSchema, scopeId: IdSchema })
  .strict();
export type AssignRoleBody = z.infer<typeof AssignRoleBodySchema>;

export const PasswordPolicySchema = z.object({
  minLength: z.number().int().min(8).max(64),
  minClasses: z.number().int().min(1).max(4),
  maxAgeDays: z.number().int().min(0).max(365),
  lockoutThreshold: z.number().int().min(3).max(10),
  lockoutMinutes: z.number().int().min(5).max(1440),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;
