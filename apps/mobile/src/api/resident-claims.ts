import { pageOf, type ResidentClaim, type ResidentClaimDecisionSchema, ResidentClaimSchema } from '@linli/contracts';
import { api } from './http.ts';

/** A page per the list convention; tolerant of a missing `nextCursor` (docs/api.md does not show the shape). */
const ResidentClaimPageSchema = pageOf(ResidentClaimSchema).partial({ nextCursor: true });
export type ResidentClaimPage = ReturnType<typeof ResidentClaimPageSchema.parse>;
export type ResidentClaimStatus = ResidentClaim['status'];
export type ResidentClaimDecision = ReturnType<typeof ResidentClaimDecisionSchema.parse>['decision'];

export type ResidentClaimQuery = { status: ResidentClaimStatus; compoundId?: string; cursor?: string };

export const residentClaimsApi = {
  list: (query: ResidentClaimQuery, signal?: AbortSignal): Promise<ResidentClaimPage> =>
    api.get('/resident-claims', ResidentClaimPageSchema, { query, ...(signal ? { signal } : {}) }),
  decide: (id: string, decision: ResidentClaimDecision): Promise<void> =>
    api.postVoid(`/resident-claims/${encodeURIComponent(id)}/decision`, { decision }),
};
