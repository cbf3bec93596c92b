import type { AuditEntry, AuditListQuery, AuditVerifyResultSchema, Page } from '@linli/contracts';
import { http } from './http.ts';
import type { Out } from './types.ts';

export type AuditVerifyResult = Out<typeof AuditVerifyResultSchema>;
export type AuditQuery = Partial<AuditListQuery>;

export const auditApi = {
  list: (query: AuditQuery) => http.get<Page<AuditEntry>>('/audit', query),
  verify: () => http.get<AuditVerifyResult>('/audit/verify'),
};
