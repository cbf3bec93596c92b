import type { ResidentClaim, ResidentClaimDecision } from '@linli/contracts';
import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

const STATUS_COLOR = { pending: 'warning', confirmed: 'success', rejected: 'default' } as const;

type Props = {
  claim: ResidentClaim;
  busy: boolean;
  onDecide: (claim: ResidentClaim, decision: ResidentClaimDecision['decision']) => void;
};

/** One household claim: who, where, when; confirm / reject while it is pending. */
export function ClaimCard({ claim, busy, onDecide }: Props) {
  const { t } = useTranslation();
  return (
    <article className="card claim" data-testid="h5-claim" data-claim-id={claim.id}>
      <header className="title-row">
        <h3 className="claim-name">{claim.displayName}</h3>
        <Tag color={STATUS_COLOR[claim.status]} fill="outline" className="status-tag">
          {t(`claims.status.${claim.status}`)}
        </Tag>
      </header>
      <p className="claim-address">
        {claim.compoundName} · {claim.address}
      </p>
      <p className="muted claim-meta">
        <span>{claim.phoneMasked}</span>
        <span>{t('claims.submittedAt', { time: formatDateTime(claim.createdAt, currentLocale()) })}</span>
      </p>
      {claim.status === 'pending' ? (
        <div className="button-row">
          <Button
            color="primary"
            size="large"
            disabled={busy}
            onClick={() => onDecide(claim, 'confirmed')}
            data-testid="h5-claim-confirm"
          >
            {t('claims.confirm')}
          </Button>
          <Button
            color="default"
            size="large"
            disabled={busy}
            onClick={() => onDecide(claim, 'rejected')}
            data-testid="h5-claim-reject"
          >
            {t('claims.reject')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}
