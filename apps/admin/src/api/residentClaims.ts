import type { Page, ResidentClaim } from '@linli/contracts';
import { http } from './http.ts';

export type ResidentClaimQuery = {
  compoundId?: string | undefined;
  status?: ResidentClaim['status'] | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

export const residentClaimsApi = {
  list: (query: ResidentClaimQuery) => http.get<Page<ResidentClaim>>('/resident-claims', query),
  decide: (id: string, decision: 'confirmed' | 'rejected') =>
    http.post<ResidentClaim>(`/resident-claims/${id}/decision`, { decision }),
};
