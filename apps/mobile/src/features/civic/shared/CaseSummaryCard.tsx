import type { CivicCaseSummary } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { StatusTag } from './StatusTag.tsx';

type Props = {
  item: CivicCaseSummary;
  to: string;
  testId: string;
  /** The handler's inbox shows the countdown and what needs attention; the reporter's list shows less. */
  variant: 'inbox' | 'mine';
  now: number;
};

const OPEN_END = new Set(['closed', 'voided']);

/** One case in a list: title, number, status, category and place, and the current step's countdown. */
export function CaseSummaryCard({ item, to, testId, variant, now }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const running = !OPEN_END.has(item.status);
  return (
    <Link
      to={to}
      className={`card civic-case-card${item.overdue && running ? ' civic-case-overdue' : ''}`}
      data-testid={testId}
    >
      <div className="title-row">
        <h3 className="item-title">{item.title}</h3>
        <StatusTag status={item.status} endType={item.endType} />
      </div>
      <p className="civic-case-meta">
        <span className="mono">{item.number}</span>
        <span>{item.categoryName}</span>
        <span>{item.compoundName}</span>
      </p>
      <div className="civic-case-foot">
        {running && item.status !== 'deferred' ? (
          <DeadlineBadge deadlineAt={item.deadlineAt} dueSoon={item.dueSoon} now={now} />
        ) : null}
        {variant === 'inbox' ? (
          <>
            <span className={`civic-chip civic-urgency-${item.urgency}`}>
              {t(`civic.urgencyShort.${item.urgency}`)}
            </span>
            {item.pendingRequest ? (
              <span className="civic-chip civic-chip-warn">{t(`civic.pendingRequest.${item.pendingRequest}`)}</span>
            ) : null}
            {item.reworkCount > 0 ? (
              <span className="civic-chip civic-chip-alert">
                {t('civic.inbox.rework', { count: item.reworkCount })}
              </span>
            ) : null}
            {item.openSupervisions > 0 ? (
              <span className="civic-chip civic-chip-alert">{t('civic.inbox.supervised')}</span>
            ) : null}
          </>
        ) : (
          <span className="muted">{formatDateTime(item.createdAt, locale)}</span>
        )}
        {item.followerCount > 0 ? (
          <span className="civic-chip">{t('civic.inbox.followers', { count: item.followerCount })}</span>
        ) : null}
      </div>
    </Link>
  );
}
