import { pageOf, type ResidentClaimDecision, type ResidentClaimListQuery, ResidentClaimSchema } from '@linli/contracts';
import { api } from './http.ts';

const ResidentClaimPageSchema = pageOf(ResidentClaimSchema);
export type ResidentClaimPage = ReturnType<typeof ResidentClaimPageSchema.parse>;
export type ResidentClaimQuery = Pick<ResidentClaimListQuery, 'status' | 'compoundId' | 'cursor'>;

export const residentClaimsApi = {
  list: (query: ResidentClaimQuery, signal?: AbortSignal): Promise<ResidentClaimPage> =>
    api.get('/resident-claims', ResidentClaimPageSchema, { query, ...(signal ? { signal } : {}) }),
  /** Answers the updated claim; the list is refetched instead. */
  decide: (id: string, body: ResidentClaimDecision): Promise<void> =>
    api.postVoid(`/resident-claims/${encodeURIComponent(id)}/decision`, body),
};
