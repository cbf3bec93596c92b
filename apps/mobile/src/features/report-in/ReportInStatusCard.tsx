import type { MemberReportIn } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { ReportInTag } from './ReportInTag.tsx';

/** Where my latest report-in stands: not yet, waiting for the branch, confirmed with its receipt, or sent back. */
export function ReportInStatusCard({ latest }: { latest: MemberReportIn | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // A withdrawn report-in counts as none: the member may report in again.
  const status = latest === undefined || latest.status === 'withdrawn' ? 'none' : latest.status;

  return (
    <section
      className={`card report-in-status report-in-${status}`}
      data-testid="h5-report-in-status"
      data-status={status}
    >
      <div className="title-row">
        <h2 className="section-title">{t(`reportIn.heading.${status}`)}</h2>
        <ReportInTag status={status} />
      </div>
      <p className="report-in-lead">{t(`reportIn.lead.${status}`)}</p>
      {latest && status !== 'none' ? (
        <dl className="facts">
          <dt>{t('reportIn.compound')}</dt>
          <dd>{latest.compoundName}</dd>
          {latest.workUnitName ? (
            <>
              <dt>{t('reportIn.workUnit')}</dt>
              <dd>{latest.workUnitName}</dd>
            </>
          ) : null}
          <dt>{t('reportIn.registeredAt')}</dt>
          <dd>{formatDateTime(latest.registeredAt, locale)}</dd>
          {latest.decidedAt ? (
            <>
              <dt>{status === 'confirmed' ? t('reportIn.confirmedAt') : t('reportIn.decidedAt')}</dt>
              <dd>{formatDateTime(latest.decidedAt, locale)}</dd>
            </>
          ) : null}
          {latest.skills ? (
            <>
              <dt>{t('reportIn.skills')}</dt>
              <dd>{latest.skills}</dd>
            </>
          ) : null}
          {status === 'rejected' && latest.rejectReason ? (
            <>
              <dt>{t('reportIn.rejectReason')}</dt>
              <dd data-testid="h5-report-in-reason">{latest.rejectReason}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {status === 'confirmed' && latest?.receiptNo ? (
        <div className="receipt" data-testid="h5-report-in-receipt">
          <span className="receipt-label">{t('reportIn.receiptNo')}</span>
          <strong className="receipt-no mono">{latest.receiptNo}</strong>
          <span className="receipt-hint">{t('reportIn.receiptHint')}</span>
        </div>
      ) : null}
    </section>
  );
}
