import type { PostClaim } from '@linli/contracts';
import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { CLAIM_STATUS_COLOR } from './post-labels.ts';

type Props = { claim: PostClaim; busy: boolean; onWithdraw: (claim: PostClaim) => void };

/** One of my post claims with where it stands; a pending or approved claim can be withdrawn. */
export function MyClaimCard({ claim, busy, onWithdraw }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const canWithdraw = claim.status === 'pending' || claim.status === 'approved';
  return (
    <article className="card item-card" data-testid="h5-my-claim" data-claim-id={claim.id}>
      <header className="title-row">
        <h3 className="item-title">{claim.postTitle}</h3>
        <Tag
          color={CLAIM_STATUS_COLOR[claim.status]}
          fill="outline"
          className="status-tag"
          data-testid="h5-claim-status"
          data-status={claim.status}
        >
          {t(`posts.claimStatus.${claim.status}`)}
        </Tag>
      </header>
      <p className="muted">{t(`posts.claimLead.${claim.status}`)}</p>
      <dl className="facts">
        <dt>{t('posts.compound')}</dt>
        <dd>{claim.compoundName}</dd>
        <dt>{t('posts.claimedAt')}</dt>
        <dd>{formatDateTime(claim.claimedAt, locale)}</dd>
        {claim.note ? (
          <>
            <dt>{t('posts.note')}</dt>
            <dd>{claim.note}</dd>
          </>
        ) : null}
        {claim.decidedAt ? (
          <>
            <dt>{t('posts.decidedAt')}</dt>
            <dd>{formatDateTime(claim.decidedAt, locale)}</dd>
          </>
        ) : null}
        {claim.status === 'rejected' && claim.reason ? (
          <>
            <dt>{t('posts.rejectReason')}</dt>
            <dd>{claim.reason}</dd>
          </>
        ) : null}
      </dl>
      {canWithdraw ? (
        <div className="button-row">
          {claim.status === 'approved' ? (
            <Button
              size="large"
              color="primary"
              onClick={() => navigate(`/member/services/new?postId=${encodeURIComponent(claim.postId)}`)}
              data-testid="h5-claim-log-service"
            >
              {t('posts.logService')}
            </Button>
          ) : null}
          <Button
            size="large"
            fill="outline"
            disabled={busy}
            onClick={() => onWithdraw(claim)}
            data-testid="h5-claim-withdraw"
          >
            {t('posts.withdraw')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}
