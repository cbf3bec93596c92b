import type { Page, ResidentClaim, ResidentClaimDecision, ResidentClaimListQuerySchema } from '@linli/contracts';
import { http } from './http.ts';
import type { In } from './types.ts';

export type ResidentClaimQuery = In<typeof ResidentClaimListQuerySchema>;

export const residentClaimsApi = {
  list: (query: ResidentClaimQuery) => http.get<Page<ResidentClaim>>('/resident-claims', query),
  decide: (id: string, decision: ResidentClaimDecision['decision']) =>
    http.post<ResidentClaim>(`/resident-claims/${id}/decision`, { decision }),
};
