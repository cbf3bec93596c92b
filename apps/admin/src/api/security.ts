import type { PasswordPolicy } from '@linli/contracts';
import { getWithEtag, http } from './http.ts';

export const securityApi = {
  /** `PasswordPolicy` carries no `version`; its `ETag` is kept and sent back as `If-Match`. */
  getPasswordPolicy: () => getWithEtag<PasswordPolicy>('/security/password-policy'),
  putPasswordPolicy: (body: PasswordPolicy, etag: string | null) =>
    http.put<PasswordPolicy>('/security/password-policy', body, { ifMatch: etag ?? undefined }),
};
