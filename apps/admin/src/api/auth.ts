import type {
  ChangePasswordBody,
  LoginBody,
  LoginResult,
  Me,
  TotpEnrolment,
  TotpVerifyBody,
} from '@linli/contracts';
import { http } from './http.ts';

const authFlow = { skipAuthRedirect: true } as const;

export const authApi = {
  me: () => http.get<Me>('/auth/me', undefined, authFlow),
  login: (body: LoginBody) => http.post<LoginResult>('/auth/login', body, authFlow),
  enrolTotp: (mfaToken: string) => http.post<TotpEnrolment>('/auth/totp/enrol', { mfaToken }, authFlow),
  verifyTotp: (body: TotpVerifyBody) => http.post<{ status: 'ok'; me: Me }>('/auth/totp/verify', body, authFlow),
  initialPassword: (changeToken: string, newPassword: string) =>
    http.post<LoginResult>('/auth/password/initial', { changeToken, newPassword }, authFlow),
  changePassword: (body: ChangePasswordBody) => http.post<void>('/auth/password', body),
  logout: () => http.post<void>('/auth/logout', undefined, authFlow),
};
