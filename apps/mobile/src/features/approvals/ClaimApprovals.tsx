import { type PostClaim, PostClaimDecisionBodySchema, type PostClaimStatus } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dialog, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postsApi } from '../../api/posts.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { TextPromptPopup } from '../../components/TextPromptPopup.tsx';
import { describeClaimError } from '../posts/post-labels.ts';
import { scopesWith } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';
import { APPROVAL_KEYS, useClaimApprovals } from './approval-queries.ts';
import { ClaimApprovalCard } from './ClaimApprovalCard.tsx';
import { ALL_COMPOUNDS, CompoundFilter } from './CompoundFilter.tsx';

const STATUSES: readonly PostClaimStatus[] = ['pending', 'approved', 'rejected'];
const REASON_MAX = PostClaimDecisionBodySchema.shape.reason.unwrap().maxLength ?? 200;

type Decision = { claim: PostClaim; decision: 'approved' | 'rejected'; reason?: string };

/** 岗位认领审批: members' claims of posts in my compounds; approving takes a seat. */
export function ClaimApprovals() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const scopes = scopesWith(me, 'compound', 'post.manage');
  const [status, setStatus] = useState<PostClaimStatus>('pending');
  const [compoundId, setCompoundId] = useState(ALL_COMPOUNDS);
  const [rejecting, setRejecting] = useState<PostClaim | null>(null);
  const { query, items } = useClaimApprovals(status, compoundId === ALL_COMPOUNDS ? undefined : compoundId);
  const decide = useMutation({
    mutationFn: ({ claim, decision, reason }: Decision) =>
      postsApi.decideClaim(claim.id, { decision, ...(reason ? { reason } : {}) }),
    onSuccess: (_, { decision }) => {
      setRejecting(null);
      Toast.show({
        icon: 'success',
        content: t(decision === 'approved' ? 'approvals.approved' : 'approvals.rejected'),
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: APPROVAL_KEYS.claims }),
  });

  const onApprove = async (claim: PostClaim) => {
    const ok = await Dialog.confirm({
      title: t('approvals.approveClaimTitle'),
      content: t('approvals.approveClaimContent', { name: claim.memberName, post: claim.postTitle }),
      confirmText: t('approvals.approveClaim'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    decide.mutate(
      { claim, decision: 'approved' },
      { onError: (error) => Toast.show({ icon: 'fail', content: describeClaimError(t, error) }) },
    );
  };

  return (
    <>
      <Selector
        className="filter"
        columns={3}
        options={STATUSES.map((value) => ({ value, label: t(`posts.claimStatus.${value}`) }))}
        value={[status]}
        onChange={(values) => {
          const [next] = values;
          if (next) setStatus(next);
        }}
        data-testid="h5-approvals-claim-status"
      />
      <CompoundFilter scopes={scopes} value={compoundId} onChange={setCompoundId} />
      {query.isPending ? (
        <PageSkeleton blocks={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={status === 'pending' ? t('approvals.emptyClaims') : t('approvals.emptyOther')} />
      ) : (
        <>
          {items.map((claim) => (
            <ClaimApprovalCard
              key={claim.id}
              claim={claim}
              busy={decide.isPending}
              onApprove={(c) => void onApprove(c)}
              onReject={setRejecting}
            />
          ))}
          <LoadMore query={query} />
        </>
      )}
      <TextPromptPopup
        visible={rejecting !== null}
        title={t('approvals.rejectClaimTitle')}
        description={
          rejecting
            ? t('approvals.rejectClaimContent', { name: rejecting.memberName, post: rejecting.postTitle })
            : null
        }
        label={t('approvals.reasonLabel')}
        placeholder={t('approvals.reasonPlaceholder')}
        maxLength={REASON_MAX}
        required
        confirmText={t('approvals.reject')}
        confirmColor="danger"
        busy={decide.isPending}
        failure={
          decide.isError && decide.variables.decision === 'rejected' ? describeClaimError(t, decide.error) : undefined
        }
        onConfirm={(reason) => {
          if (rejecting) decide.mutate({ claim: rejecting, decision: 'rejected', reason });
        }}
        onClose={() => {
          setRejecting(null);
          decide.reset();
        }}
        testId="h5-approval-reject-popup"
      />
    </>
  );
}
