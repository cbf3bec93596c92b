import type { PostClaim } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postsApi } from '../../api/posts.ts';
import { errorText } from '../../components/errors.ts';
import { ReasonModal } from '../report-ins/ReasonModal.tsx';
import { rethrowExplained } from './conflicts.ts';

type Decision = { claim: PostClaim; decision: 'approved' | 'rejected'; reason?: string };

/**
 * 同意 / 驳回 of a post claim. Approving asks first; approving beyond the seats is refused by the server, whose
 * message (how many seats are taken) is shown as is. Rejecting asks for a reason. `dialog` is the reason dialog.
 */
export const useClaimDecision = () => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<PostClaim | null>(null);
  const decide = useMutation({
    mutationFn: ({ claim, decision, reason }: Decision) =>
      postsApi.decideClaim(claim.id, { decision, reason }).catch(rethrowExplained(t)),
    onSuccess: (_saved, { decision }) => {
      void queryClient.invalidateQueries({ queryKey: ['posts'] });
      void queryClient.invalidateQueries({ queryKey: ['post-claims'] });
      void message.success(
        decision === 'approved' ? t('service.claim.approvedToast') : t('service.claim.rejectedToast'),
      );
      setRejecting(null);
    },
  });

  const approve = (claim: PostClaim) =>
    modal.confirm({
      title: t('service.claim.approveTitle', { name: claim.memberName, post: claim.postTitle }),
      okText: t('service.claim.approve'),
      okButtonProps: { id: 'post-claim-approve-ok' },
      cancelText: t('common.actions.cancel'),
      onOk: () =>
        decide.mutateAsync({ claim, decision: 'approved' }).catch((e: unknown) => {
          void message.error({ content: errorText(e, t), duration: 6 });
        }),
    });

  const dialog = (
    <ReasonModal
      open={rejecting !== null}
      title={t('service.claim.rejectTitle')}
      subject={rejecting && t('service.claim.rejectSubject', { name: rejecting.memberName, post: rejecting.postTitle })}
      okText={t('service.claim.reject')}
      maxLength={200}
      saving={decide.isPending}
      error={decide.error}
      onSubmit={(reason) => rejecting && decide.mutate({ claim: rejecting, decision: 'rejected', reason })}
      onCancel={() => setRejecting(null)}
      afterClose={() => decide.reset()}
      data-testid="post-claim-reject-reason"
    />
  );

  return { approve, reject: setRejecting, dialog };
};
