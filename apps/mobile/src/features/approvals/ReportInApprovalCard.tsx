import type { MemberReportIn, MemberReportInStatus } from '@linli/contracts';
import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

const COLOR = {
  pending: 'warning',
  confirmed: 'success',
  rejected: 'danger',
  withdrawn: 'default',
} as const satisfies Record<MemberReportInStatus, string>;

type Props = {
  reportIn: MemberReportIn;
  busy: boolean;
  onConfirm: (reportIn: MemberReportIn) => void;
  onReject: (reportIn: MemberReportIn) => void;
};

/** One member's report-in to a compound: who, from which work unit, what they offer; confirm or send back. */
export function ReportInApprovalCard({ reportIn, busy, onConfirm, onReject }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <article className="card item-card" data-testid="h5-approval-report-in" data-report-in-id={reportIn.id}>
      <header className="title-row">
        <h3 className="item-title">{reportIn.memberName}</h3>
        <Tag color={COLOR[reportIn.status]} fill="outline" className="status-tag" data-status={reportIn.status}>
          {t(`approvals.reportInStatus.${reportIn.status}`)}
        </Tag>
      </header>
      <dl className="facts">
        <dt>{t('approvals.compound')}</dt>
        <dd>{reportIn.compoundName}</dd>
        <dt>{t('approvals.workUnit')}</dt>
        <dd>{reportIn.workUnitName ?? t('common.none')}</dd>
        {reportIn.skills ? (
          <>
            <dt>{t('approvals.skills')}</dt>
            <dd>{reportIn.skills}</dd>
          </>
        ) : null}
        <dt>{t('approvals.registeredAt')}</dt>
        <dd>{formatDateTime(reportIn.registeredAt, locale)}</dd>
        {reportIn.receiptNo ? (
          <>
            <dt>{t('approvals.receiptNo')}</dt>
            <dd className="mono">{reportIn.receiptNo}</dd>
          </>
        ) : null}
        {reportIn.rejectReason ? (
          <>
            <dt>{t('approvals.reason')}</dt>
            <dd>{reportIn.rejectReason}</dd>
          </>
        ) : null}
      </dl>
      {reportIn.status === 'pending' && reportIn.abilities.decide ? (
        <div className="button-row">
          <Button
            color="primary"
            size="large"
            disabled={busy}
            onClick={() => onConfirm(reportIn)}
            data-testid="h5-approval-report-in-confirm"
          >
            {t('approvals.confirmReportIn')}
          </Button>
          <Button
            size="large"
            disabled={busy}
            onClick={() => onReject(reportIn)}
            data-testid="h5-approval-report-in-reject"
          >
            {t('approvals.reject')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}
