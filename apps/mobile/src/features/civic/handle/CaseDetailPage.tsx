import { CIVIC_CASE_ACTIONS, type CivicCaseAction, type CivicCaseDetail } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Toast } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { civicApi, type RevealedReporter } from '../../../api/civic.ts';
import { PageShell } from '../../../components/PageShell.tsx';
import { ErrorState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { CIVIC_KEYS } from '../civic-queries.ts';
import { describeActionError, isStale, needsRefresh } from '../shared/action-errors.ts';
import { CaseHeader } from '../shared/CaseHeader.tsx';
import { CaseTimeline } from '../shared/CaseTimeline.tsx';
import { DeadlineBadge } from '../shared/DeadlineBadge.tsx';
import { useNow } from '../shared/deadline.ts';
import '../shared/civic.css';
import '../shared/case-page.css';
import { ActionSheet } from './ActionSheet.tsx';
import { CaseFacts } from './CaseFacts.tsx';
import { ACTION_TONE, type ActionForm, H5_ACTIONS, type H5Action, isH5Action, toActionBody } from './case-actions.ts';

function ActionPanel({ detail, onPick }: { detail: CivicCaseDetail; onPick: (action: H5Action) => void }) {
  const { t } = useTranslation();
  const available = H5_ACTIONS.filter((action) => detail.abilities[action] === true);
  const elsewhere = CIVIC_CASE_ACTIONS.filter(
    (action: CivicCaseAction) => detail.abilities[action] === true && !isH5Action(action),
  ).map((action) => t(`civic.action.${action}`));
  return (
    <section className="card civic-actions" aria-label={t('civic.detail.title')} data-testid="civic-actions">
      {available.length === 0 ? <p className="muted">{t('civic.detail.noActions')}</p> : null}
      <div className="civic-action-grid">
        {available.map((action) => (
          <Button
            key={action}
            size="large"
            color={ACTION_TONE[action] === 'plain' ? 'default' : ACTION_TONE[action]}
            fill={ACTION_TONE[action] === 'danger' ? 'outline' : 'solid'}
            className={`civic-action civic-action-${ACTION_TONE[action]}`}
            onClick={() => onPick(action)}
            data-testid={`civic-act-${action}`}
          >
            {t(`civic.action.${action}`)}
          </Button>
        ))}
      </div>
      {elsewhere.length > 0 ? (
        <p className="field-hint">{t('civic.detail.consoleOnly', { actions: elsewhere.join('、') })}</p>
      ) : null}
    </section>
  );
}

function CaseDetailView({
  detail,
  onRefresh,
}: {
  detail: CivicCaseDetail;
  onRefresh: () => Promise<CivicCaseDetail | undefined>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const now = useNow();
  const [action, setAction] = useState<H5Action | null>(null);
  const [revealed, setRevealed] = useState<RevealedReporter | null>(null);
  const act = useMutation({
    mutationFn: ({ step, form }: { step: H5Action; form: ActionForm }) =>
      civicApi.act(detail.id, step, toActionBody(step, form), detail.version),
    onSuccess: (next, { step }) => {
      queryClient.setQueryData(CIVIC_KEYS.detail(detail.id), next);
      void queryClient.invalidateQueries({ queryKey: CIVIC_KEYS.inbox });
      setAction(null);
      Toast.show({ icon: 'success', content: t(`civic.actDone.${step}`) });
    },
    onError: async (error, { step }) => {
      if (!needsRefresh(error)) return;
      const fresh = await onRefresh();
      // 412 with the step still open: the sheet stays, with what was typed, and sends against the new version.
      if (isStale(error) && fresh?.abilities[step] === true) return;
      setAction(null);
      await Dialog.alert({ content: describeActionError(t, error), confirmText: t('common.confirm') });
    },
  });
  const failure =
    act.isError && (!needsRefresh(act.error) || isStale(act.error)) ? describeActionError(t, act.error) : undefined;
  const facts: [string, ReactNode][] = [
    [t('civic.detail.category'), detail.categoryName],
    [t('civic.detail.urgency'), t(`civic.urgency.${detail.urgency}`)],
    [t('civic.detail.nature'), t(`civic.nature.${detail.nature}`)],
    [t('civic.detail.channel'), t(`civic.channel.${detail.channel}`)],
    [t('civic.detail.createdAt'), formatDateTime(detail.createdAt, locale)],
  ];
  if (detail.unit) facts.push([t('civic.detail.unit'), detail.unit.name]);
  if (detail.assists.length > 0) facts.push([t('civic.detail.assists'), detail.assists.map((u) => u.name).join('、')]);
  const running = detail.status !== 'closed' && detail.status !== 'voided' && detail.status !== 'deferred';
  if (running) {
    facts.push([
      t('civic.detail.deadline'),
      <DeadlineBadge
        key="deadline"
        deadlineAt={detail.deadlineAt}
        dueSoon={detail.dueSoon}
        now={now}
        testId="civic-case-deadline"
      />,
    ]);
  }
  if (detail.handleDeadlineAt && running) {
    facts.push([t('civic.detail.handleDeadline'), formatDateTime(detail.handleDeadlineAt, locale)]);
  }

  return (
    <>
      <CaseHeader
        title={detail.title}
        number={detail.number}
        status={detail.status}
        endType={detail.endType}
        facts={facts}
      >
        <div className="tag-row civic-header-tags">
          {detail.pendingRequest ? (
            <span className="civic-chip civic-chip-warn">{t(`civic.pendingRequest.${detail.pendingRequest}`)}</span>
          ) : null}
          {detail.mergedInto ? (
            <span className="civic-chip">{t('civic.detail.mergedInto', { number: detail.mergedInto.number })}</span>
          ) : null}
        </div>
      </CaseHeader>
      <ActionPanel
        detail={detail}
        onPick={(step) => {
          act.reset();
          setAction(step);
        }}
      />
      <CaseFacts detail={detail} revealed={revealed} />
      <CaseTimeline events={detail.events} />
      {action ? (
        <ActionSheet
          key={action}
          action={action}
          detail={detail}
          busy={act.isPending}
          failure={failure}
          revealed={revealed}
          onRevealed={setRevealed}
          onSubmit={(form) => act.mutate({ step: action, form })}
          onClose={() => setAction(null)}
        />
      ) : null}
    </>
  );
}

/** 事项办理: a case in my inbox — facts, the timeline, and big buttons for exactly the steps I may take now. */
export default function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: CIVIC_KEYS.detail(id), queryFn: ({ signal }) => civicApi.detail(id, signal) });
  return (
    <PageShell title={t('civic.detail.title')} backTo="/civic/inbox" testId="civic-case-page">
      {detail.isPending ? (
        <PageSkeleton blocks={3} />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <CaseDetailView detail={detail.data} onRefresh={async () => (await detail.refetch()).data} />
      )}
    </PageShell>
  );
}
