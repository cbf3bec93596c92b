import type { Need, NeedStatus } from '@linli/contracts';
import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

const STATUS_COLOR = {
  open: 'primary',
  claimed: 'warning',
  done: 'success',
  cancelled: 'default',
} as const satisfies Record<NeedStatus, string>;

type Props = { need: Need; busy: boolean; onClaim: (need: Need) => void };

/** One need of my compound: what, for which door, by when; 认领 while open, 记录服务 once it is mine. */
export function NeedCard({ need, busy, onClaim }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  return (
    <article className="card item-card" data-testid="h5-need-item" data-need-id={need.id}>
      <header className="title-row">
        <h3 className="item-title">{need.title}</h3>
        <Tag color={STATUS_COLOR[need.status]} fill="outline" className="status-tag" data-testid="h5-need-status">
          {need.claimedByMe && need.status === 'claimed' ? t('needs.claimedByMe') : t(`needs.status.${need.status}`)}
        </Tag>
      </header>
      <p className="item-text">{need.description}</p>
      <dl className="facts">
        <dt>{t('needs.category')}</dt>
        <dd>{need.categoryName}</dd>
        {need.householdAddress ? (
          <>
            <dt>{t('needs.household')}</dt>
            <dd>{need.householdAddress}</dd>
          </>
        ) : null}
        {need.dueOn ? (
          <>
            <dt>{t('needs.dueOn')}</dt>
            <dd>{formatDate(need.dueOn, locale)}</dd>
          </>
        ) : null}
        {need.claimantName && !need.claimedByMe ? (
          <>
            <dt>{t('needs.claimant')}</dt>
            <dd>{need.claimantName}</dd>
          </>
        ) : null}
      </dl>
      {need.status === 'open' ? (
        <div className="button-row">
          <Button
            color="primary"
            size="large"
            disabled={busy}
            onClick={() => onClaim(need)}
            data-testid="h5-need-claim"
          >
            {t('needs.claim')}
          </Button>
        </div>
      ) : need.claimedByMe && need.status === 'claimed' ? (
        <div className="button-row">
          <Button
            color="primary"
            fill="outline"
            size="large"
            onClick={() => navigate(`/member/services/new?needId=${encodeURIComponent(need.id)}`)}
            data-testid="h5-need-log-service"
          >
            {t('needs.logService')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}
