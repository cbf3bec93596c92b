import type { PostClaim } from '@linli/contracts';
import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { CLAIM_STATUS_COLOR } from '../posts/post-labels.ts';

type Props = {
  claim: PostClaim;
  busy: boolean;
  onApprove: (claim: PostClaim) => void;
  onReject: (claim: PostClaim) => void;
};

/** One member's claim of a post: which post, with what note; approve or reject with a reason. */
export function ClaimApprovalCard({ claim, busy, onApprove, onReject }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <article className="card item-card" data-testid="h5-approval-claim" data-claim-id={claim.id}>
      <header className="title-row">
        <h3 className="item-title">{claim.memberName}</h3>
        <Tag color={CLAIM_STATUS_COLOR[claim.status]} fill="outline" className="status-tag" data-status={claim.status}>
          {t(`posts.claimStatus.${claim.status}`)}
        </Tag>
      </header>
      <dl className="facts">
        <dt>{t('approvals.post')}</dt>
        <dd>{claim.postTitle}</dd>
        <dt>{t('approvals.compound')}</dt>
        <dd>{claim.compoundName}</dd>
        {claim.note ? (
          <>
            <dt>{t('approvals.note')}</dt>
            <dd>{claim.note}</dd>
          </>
        ) : null}
        <dt>{t('approvals.claimedAt')}</dt>
        <dd>{formatDateTime(claim.claimedAt, locale)}</dd>
        {claim.reason ? (
          <>
            <dt>{t('approvals.reason')}</dt>
            <dd>{claim.reason}</dd>
          </>
        ) : null}
      </dl>
      {claim.status === 'pending' ? (
        <div className="button-row">
          <Button
            color="primary"
            size="large"
            disabled={busy}
            onClick={() => onApprove(claim)}
            data-testid="h5-approval-claim-approve"
          >
            {t('approvals.approveClaim')}
          </Button>
          <Button size="large" disabled={busy} onClick={() => onReject(claim)} data-testid="h5-approval-claim-reject">
            {t('approvals.reject')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}
