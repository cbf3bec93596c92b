import type { ResidentClaimDecision, ResidentClaimStatus } from '@linli/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { residentClaimsApi } from '../../api/resident-claims.ts';

export const CLAIMS_KEY = 'resident-claims';

/** The claims in the reviewer's scope, page by page (cursor pagination). */
export const useResidentClaims = (status: ResidentClaimStatus, compoundId: string | undefined) =>
  useInfiniteQuery({
    queryKey: [CLAIMS_KEY, status, compoundId ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      residentClaimsApi.list(
        { status, ...(compoundId ? { compoundId } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Confirm or reject one claim; every claim list (and the home badge) is refreshed afterwards. */
export const useDecideClaim = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string } & ResidentClaimDecision) =>
      residentClaimsApi.decide(id, { decision }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [CLAIMS_KEY] }),
  });
};
