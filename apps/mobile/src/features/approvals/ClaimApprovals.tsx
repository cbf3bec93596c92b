import { type PostClaim, PostClaimDecisionBodySchema, type PostClaimStatus } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import { postsApi } from '../../api/posts.ts';
import { describeClaimError } from '../posts/post-labels.ts';
import { APPROVAL_KEYS, useClaimApprovals } from './approval-queries.ts';
import { ClaimApprovalCard } from './ClaimApprovalCard.tsx';
import { DecisionQueue } from './DecisionQueue.tsx';

const STATUSES = ['pending', 'approved', 'rejected'] as const satisfies readonly PostClaimStatus[];
const REASON_MAX = PostClaimDecisionBodySchema.shape.reason.unwrap().maxLength ?? 200;

/** 岗位认领审批: members' claims of posts in my compounds; approving takes a seat. */
export function ClaimApprovals() {
  const { t } = useTranslation();
  return (
    <DecisionQueue<PostClaim, PostClaimStatus, 'approved'>
      permission="post.manage"
      statuses={STATUSES}
      statusLabel={(value) => t(`posts.claimStatus.${value}`)}
      statusTestId="h5-approvals-claim-status"
      usePage={useClaimApprovals}
      queryKey={APPROVAL_KEYS.claims}
      emptyPendingTitle={t('approvals.emptyClaims')}
      accept="approved"
      acceptedToast={t('approvals.approved')}
      acceptDialog={(claim) => ({
        title: t('approvals.approveClaimTitle'),
        content: t('approvals.approveClaimContent', { name: claim.memberName, post: claim.postTitle }),
        confirmText: t('approvals.approveClaim'),
      })}
      rejectTitle={t('approvals.rejectClaimTitle')}
      rejectDescription={(claim) =>
        t('approvals.rejectClaimContent', { name: claim.memberName, post: claim.postTitle })
      }
      reasonMax={REASON_MAX}
      decide={(claim, body) => postsApi.decideClaim(claim.id, body)}
      describeError={(error) => describeClaimError(t, error)}
      renderCard={(claim, actions) => (
        <ClaimApprovalCard
          key={claim.id}
          claim={claim}
          busy={actions.busy}
          onApprove={actions.onAccept}
          onReject={actions.onReject}
        />
      )}
    />
  );
}
