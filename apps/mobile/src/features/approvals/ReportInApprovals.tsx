import { type MemberReportIn, type MemberReportInStatus, ReportInDecisionBodySchema } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dialog, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { membersApi } from '../../api/members.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { TextPromptPopup } from '../../components/TextPromptPopup.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { scopesWith } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';
import { APPROVAL_KEYS, useReportInApprovals } from './approval-queries.ts';
import { ALL_COMPOUNDS, CompoundFilter } from './CompoundFilter.tsx';
import { ReportInApprovalCard } from './ReportInApprovalCard.tsx';

const STATUSES: readonly MemberReportInStatus[] = ['pending', 'confirmed', 'rejected'];
const REASON_MAX = ReportInDecisionBodySchema.shape.reason.unwrap().maxLength ?? 500;

type Decision = { reportIn: MemberReportIn; decision: 'confirmed' | 'rejected'; reason?: string };

/** 报到确认: in-service members who reported in to my compounds; confirming issues the receipt to their work unit. */
export function ReportInApprovals() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const scopes = scopesWith(me, 'compound', 'report_in.manage');
  const [status, setStatus] = useState<MemberReportInStatus>('pending');
  const [compoundId, setCompoundId] = useState(ALL_COMPOUNDS);
  const [rejecting, setRejecting] = useState<MemberReportIn | null>(null);
  const { query, items } = useReportInApprovals(status, compoundId === ALL_COMPOUNDS ? undefined : compoundId);
  const decide = useMutation({
    mutationFn: ({ reportIn, decision, reason }: Decision) =>
      membersApi.decideReportIn(reportIn.id, { decision, ...(reason ? { reason } : {}) }),
    onSuccess: (_, { decision }) => {
      setRejecting(null);
      Toast.show({
        icon: 'success',
        content: t(decision === 'confirmed' ? 'approvals.confirmed' : 'approvals.rejected'),
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: APPROVAL_KEYS.reportIns }),
  });

  const onConfirm = async (reportIn: MemberReportIn) => {
    const ok = await Dialog.confirm({
      title: t('approvals.confirmReportInTitle'),
      content: t('approvals.confirmReportInContent', { name: reportIn.memberName, compound: reportIn.compoundName }),
      confirmText: t('approvals.confirmReportIn'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    decide.mutate(
      { reportIn, decision: 'confirmed' },
      { onError: (error) => Toast.show({ icon: 'fail', content: describe(error) }) },
    );
  };

  return (
    <>
      <Selector
        className="filter"
        columns={3}
        options={STATUSES.map((value) => ({ value, label: t(`approvals.reportInStatus.${value}`) }))}
        value={[status]}
        onChange={(values) => {
          const [next] = values;
          if (next) setStatus(next);
        }}
        data-testid="h5-approvals-report-in-status"
      />
      <CompoundFilter scopes={scopes} value={compoundId} onChange={setCompoundId} />
      {query.isPending ? (
        <PageSkeleton blocks={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={status === 'pending' ? t('approvals.emptyReportIns') : t('approvals.emptyOther')} />
      ) : (
        <>
          {items.map((reportIn) => (
            <ReportInApprovalCard
              key={reportIn.id}
              reportIn={reportIn}
              busy={decide.isPending}
              onConfirm={(r) => void onConfirm(r)}
              onReject={setRejecting}
            />
          ))}
          <LoadMore query={query} />
        </>
      )}
      <TextPromptPopup
        visible={rejecting !== null}
        title={t('approvals.rejectReportInTitle')}
        description={rejecting ? t('approvals.rejectReportInContent', { name: rejecting.memberName }) : null}
        label={t('approvals.reasonLabel')}
        placeholder={t('approvals.reasonPlaceholder')}
        maxLength={REASON_MAX}
        required
        confirmText={t('approvals.reject')}
        confirmColor="danger"
        busy={decide.isPending}
        failure={decide.isError && decide.variables.decision === 'rejected' ? describe(decide.error) : undefined}
        onConfirm={(reason) => {
          if (rejecting) decide.mutate({ reportIn: rejecting, decision: 'rejected', reason });
        }}
        onClose={() => {
          setRejecting(null);
          decide.reset();
        }}
        testId="h5-approval-reject-popup"
      />
    </>
  );
}
