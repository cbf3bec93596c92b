import type {
  ChangePasswordBody,
  InitialPasswordBody,
  LoginBody,
  LoginResult,
  Me,
  SignedInResult,
  TotpEnrolBody,
  TotpEnrolment,
  TotpVerifyBody,
} from '@linli/contracts';
import { http } from './http.ts';

/** Sign-in steps handle a 401 (wrong password, expired challenge) themselves instead of going to the login page. */
const authFlow = { skipAuthRedirect: true } as const;

export const authApi = {
  me: () => http.get<Me>('/auth/me', undefined, authFlow),
  login: (body: LoginBody) => http.post<LoginResult>('/auth/login', body, authFlow),
  enrolTotp: (body: TotpEnrolBody) => http.post<TotpEnrolment>('/auth/totp/enrol', body, authFlow),
  verifyTotp: (body: TotpVerifyBody) => http.post<SignedInResult>('/auth/totp/verify', body, authFlow),
  initialPassword: (body: InitialPasswordBody) => http.post<LoginResult>('/auth/password/initial', body, authFlow),
  changePassword: (body: ChangePasswordBody) => http.post<void>('/auth/password', body),
  logout: () => http.post<void>('/auth/logout', undefined, authFlow),
};
