import type { Me, MemberReportInStatus, PostClaimStatus } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { membersApi } from '../../api/members.ts';
import { postsApi } from '../../api/posts.ts';
import { usePagedQuery } from '../../components/usePagedQuery.ts';
import { canConfirmReportIns, canDecidePostClaims } from '../session/scopes.ts';

export const APPROVAL_KEYS = { reportIns: ['approval-report-ins'], claims: ['approval-post-claims'] } as const;

const compoundFilter = (compoundId: string | undefined) => (compoundId ? { compoundId } : {});

/** Member report-ins in the secretary's scope (`report_in.manage`), newest first. */
export const useReportInApprovals = (status: MemberReportInStatus, compoundId: string | undefined) =>
  usePagedQuery({
    queryKey: [...APPROVAL_KEYS.reportIns, status, compoundId ?? 'all'],
    fetchPage: (cursor, signal) => membersApi.reportIns({ status, cursor, ...compoundFilter(compoundId) }, signal),
  });

/** Post claims in the secretary's scope (`post.manage`), newest first. */
export const useClaimApprovals = (status: PostClaimStatus, compoundId: string | undefined) =>
  usePagedQuery({
    queryKey: [...APPROVAL_KEYS.claims, status, compoundId ?? 'all'],
    fetchPage: (cursor, signal) => postsApi.claims({ status, cursor, ...compoundFilter(compoundId) }, signal),
  });

const countOf = (page: { items: unknown[]; nextCursor: string | null } | undefined) => ({
  count: page?.items.length ?? 0,
  more: Boolean(page?.nextCursor),
});

/** The 审批 tile's badge: pending report-ins plus pending claims (first page of each; `n+` when there are more). */
export const useApprovalsBadge = (me: Me, enabled: boolean): string | undefined => {
  const reportIns = useQuery({
    queryKey: [...APPROVAL_KEYS.reportIns, 'pending-count'],
    queryFn: ({ signal }) => membersApi.reportIns({ status: 'pending' }, signal),
    enabled: enabled && canConfirmReportIns(me),
  });
  const claims = useQuery({
    queryKey: [...APPROVAL_KEYS.claims, 'pending-count'],
    queryFn: ({ signal }) => postsApi.claims({ status: 'pending' }, signal),
    enabled: enabled && canDecidePostClaims(me),
  });
  const a = countOf(reportIns.data);
  const b = countOf(claims.data);
  const total = a.count + b.count;
  return total > 0 ? `${total}${a.more || b.more ? '+' : ''}` : undefined;
};
