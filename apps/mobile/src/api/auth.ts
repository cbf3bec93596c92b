import {
  type ChangePasswordBody,
  type InitialPasswordBody,
  type LoginBody,
  type LoginResult,
  LoginResultSchema,
  type Me,
  MeSchema,
  type OtpLoginBody,
  type OtpSendBody,
  OtpSendResultSchema,
  type PublicCompound,
  PublicCompoundListSchema,
  type RegisterBody,
  type SignedInResult,
  SignedInResultSchema,
  type TotpEnrolBody,
  TotpEnrolmentSchema,
  type TotpVerifyBody,
} from '@linli/contracts';
import { ApiError } from './errors.ts';
import { api } from './http.ts';

/** Sign-in calls answer wrong credentials with 401; that is a message on the form, not a redirect. */
const signIn = { redirectOn401: false } as const;

export const authApi = {
  /** The current session's user, or `null` when there is none (401). */
  me: async (): Promise<Me | null> => {
    try {
      return await api.get('/auth/me', MeSchema, signIn);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  login: (body: LoginBody): Promise<LoginResult> => api.post('/auth/login', body, LoginResultSchema, signIn),
  enrolTotp: (body: TotpEnrolBody) => api.post('/auth/totp/enrol', body, TotpEnrolmentSchema, signIn),
  verifyTotp: (body: TotpVerifyBody): Promise<SignedInResult> =>
    api.post('/auth/totp/verify', body, SignedInResultSchema, signIn),
  setInitialPassword: (body: InitialPasswordBody): Promise<LoginResult> =>
    api.post('/auth/password/initial', body, LoginResultSchema, signIn),
  sendOtp: (body: OtpSendBody) => api.post('/auth/otp/send', body, OtpSendResultSchema, signIn),
  loginWithOtp: (body: OtpLoginBody): Promise<LoginResult> =>
    api.post('/auth/otp/login', body, LoginResultSchema, signIn),
  register: (body: RegisterBody, idempotencyKey: string): Promise<SignedInResult> =>
    api.post('/auth/register', body, SignedInResultSchema, { ...signIn, idempotencyKey }),
  changePassword: (body: ChangePasswordBody): Promise<void> => api.postVoid('/auth/password', body),
  logout: (): Promise<void> => api.postVoid('/auth/logout', undefined, { redirectOn401: false }),
  searchCompounds: async (q: string, signal?: AbortSignal): Promise<PublicCompound[]> => {
    const page = await api.get('/public/compounds', PublicCompoundListSchema, {
      query: { q },
      ...signIn,
      ...(signal ? { signal } : {}),
    });
    return page.items;
  },
};
