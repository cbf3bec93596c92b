import { z } from 'zod';
import { IdSchema, LocaleSchema, nameText, PhoneSchema, TimestampSchema } from './common.ts';
import { RoleSchema, ScopeKindSchema } from './roles.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,31}$/;
export const UsernameSchema = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'username');
/** Accepted up to 128 characters, never truncated (SEC-2). Policy is checked server-side. */
export const PasswordSchema = z.string().min(1).max(128);

export const LoginBodySchema = z.object({ username: UsernameSchema, password: PasswordSchema }).strict();
export type LoginBody = z.infer<typeof LoginBodySchema>;

/** Login answers either with a session (resident, member) or asks for the TOTP step (staff). */
export const LoginResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), me: z.lazy(() => MeSchema) }),
  z.object({ status: z.literal('mfa_required'), mfaToken: z.string(), enrolled: z.boolean() }),
  z.object({ status: z.literal('password_change_required'), changeToken: z.string() }),
]);
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const TotpCodeSchema = z.string().regex(/^\d{6}$/, 'totp');

export const TotpVerifyBodySchema = z.object({ mfaToken: z.string().min(10).max(200), code: TotpCodeSchema }).strict();
export type TotpVerifyBody = z.infer<typeof TotpVerifyBodySchema>;

/** First staff login: the server returns a secret to enrol; the user confirms it with a code. */
export const TotpEnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

export const ChangePasswordBodySchema = z
  .object({ currentPassword: PasswordSchema, newPassword: PasswordSchema })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const OtpSendBodySchema = z.object({ phone: PhoneSchema, purpose: z.enum(['login', 'register']) }).strict();
export type OtpSendBody = z.infer<typeof OtpSendBodySchema>;
/** In development the code is echoed back so the demo can show it on screen; never in production. */
export const OtpSendResultSchema = z.object({ sent: z.literal(true), devCode: z.string().optional() });

export const OtpCodeSchema = z.string().regex(/^\d{6}$/, 'otp');
export const OtpLoginBodySchema = z.object({ phone: PhoneSchema, code: OtpCodeSchema }).strict();
export type OtpLoginBody = z.infer<typeof OtpLoginBodySchema>;

/** A resident registers with a verified phone and claims a household; the branch confirms it. */
export const RegisterBodySchema = z
  .object({
    phone: PhoneSchema,
    code: OtpCodeSchema,
    displayName: nameText(40),
    compoundId: IdSchema,
    building: nameText(20),
    unit: z.string().trim().max(20).optional(),
    room: nameText(20),
  })
  .strict();
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

export const RoleAssignmentViewSchema = z.object({
  id: IdSchema,
  role: RoleSchema,
  scopeKind: ScopeKindSchema,
  scopeId: IdSchema,
  scopeName: z.string(),
});
export type RoleAssignmentView = z.infer<typeof RoleAssignmentViewSchema>;

export const MeSchema = z.object({
  id: IdSchema,
  username: z.string().nullable(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  locale: LocaleSchema,
  roles: z.array(RoleAssignmentViewSchema),
  totpEnrolled: z.boolean(),
  passwordExpiresAt: TimestampSchema.nullable(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

/** Pending resident registrations a branch confirms or rejects. */
export const ResidentClaimSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  phoneMasked: z.string(),
  compoundId: IdSchema,
  compoundName: z.string(),
  address: z.string(),
  status: z.enum(['pending', 'confirmed', 'rejected']),
  createdAt: TimestampSchema,
});
export type ResidentClaim = z.infer<typeof ResidentClaimSchema>;
export const ResidentClaimDecisionSchema = z.object({ decision: z.enum(['confirmed', 'rejected']) }).strict();

/** `POST /auth/totp/enrol`: the login challenge the secret is tied to. */
export const TotpEnrolBodySchema = z.object({ mfaToken: z.string().min(10).max(200) }).strict();
export type TotpEnrolBody = z.infer<typeof TotpEnrolBodySchema>;

/** `POST /auth/password/initial`: replaces a one-time or expired password before the session starts. */
export const InitialPasswordBodySchema = z
  .object({ changeToken: z.string().min(10).max(200), newPassword: PasswordSchema })
  .strict();
export type InitialPasswordBody = z.infer<typeof InitialPasswordBodySchema>;

/** The answer of every step that ends with a session (TOTP verify, registration). */
export const SignedInResultSchema = z.object({ status: z.literal('ok'), me: MeSchema });
export type SignedInResult = z.infer<typeof SignedInResultSchema>;

/** The registration picker (`GET /public/compounds?q=`): public place names only. */
export const PublicCompoundQuerySchema = z.object({ q: z.string().trim().max(50).optional() }).strict();
export const PublicCompoundSchema = z.object({ id: IdSchema, name: z.string(), orgName: z.string() });
export type PublicCompound = z.infer<typeof PublicCompoundSchema>;
export const PublicCompoundListSchema = z.object({ items: z.array(PublicCompoundSchema) });

export const ResidentClaimStatusSchema = ResidentClaimSchema.shape.status;
export type ResidentClaimStatus = z.infer<typeof ResidentClaimStatusSchema>;
export type ResidentClaimDecision = z.infer<typeof ResidentClaimDecisionSchema>;

/** `GET /resident-claims`: every status unless one is given. */
export const ResidentClaimListQuerySchema = z
  .object({
    compoundId: IdSchema.optional(),
    status: ResidentClaimStatusSchema.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type ResidentClaimListQuery = z.infer<typeof ResidentClaimListQuerySchema>;
