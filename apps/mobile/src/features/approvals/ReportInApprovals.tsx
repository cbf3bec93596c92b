import { type MemberReportIn, type MemberReportInStatus, ReportInDecisionBodySchema } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import { membersApi } from '../../api/members.ts';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { APPROVAL_KEYS, useReportInApprovals } from './approval-queries.ts';
import { DecisionQueue } from './DecisionQueue.tsx';
import { ReportInApprovalCard } from './ReportInApprovalCard.tsx';

const STATUSES = ['pending', 'confirmed', 'rejected'] as const satisfies readonly MemberReportInStatus[];
const REASON_MAX = ReportInDecisionBodySchema.shape.reason.unwrap().maxLength ?? 500;

/** 报到确认: in-service members who reported in to my compounds; confirming issues the receipt to their work unit. */
export function ReportInApprovals() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  return (
    <DecisionQueue<MemberReportIn, MemberReportInStatus, 'confirmed'>
      permission="report_in.manage"
      statuses={STATUSES}
      statusLabel={(value) => t(`approvals.reportInStatus.${value}`)}
      statusTestId="h5-approvals-report-in-status"
      usePage={useReportInApprovals}
      queryKey={APPROVAL_KEYS.reportIns}
      emptyPendingTitle={t('approvals.emptyReportIns')}
      accept="confirmed"
      acceptedToast={t('approvals.confirmed')}
      acceptDialog={(reportIn) => ({
        title: t('approvals.confirmReportInTitle'),
        content: t('approvals.confirmReportInContent', { name: reportIn.memberName, compound: reportIn.compoundName }),
        confirmText: t('approvals.confirmReportIn'),
      })}
      rejectTitle={t('approvals.rejectReportInTitle')}
      rejectDescription={(reportIn) => t('approvals.rejectReportInContent', { name: reportIn.memberName })}
      reasonMax={REASON_MAX}
      decide={(reportIn, body) => membersApi.decideReportIn(reportIn.id, body)}
      describeError={describe}
      renderCard={(reportIn, actions) => (
        <ReportInApprovalCard
          key={reportIn.id}
          reportIn={reportIn}
          busy={actions.busy}
          onConfirm={actions.onAccept}
          onReject={actions.onReject}
        />
      )}
    />
  );
}
