import type { Permission } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dialog, Selector, Toast } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { TextPromptPopup } from '../../components/TextPromptPopup.tsx';
import type { usePagedQuery } from '../../components/usePagedQuery.ts';
import { scopesWith } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';
import { ALL_COMPOUNDS, CompoundFilter } from './CompoundFilter.tsx';

type DecisionBody<Accept extends string> = { decision: Accept | 'rejected'; reason?: string };

/** What a queue's card may do: accept at once (after a confirm dialog) or open the reject popup. */
export type DecisionActions<Item> = { busy: boolean; onAccept: (item: Item) => void; onReject: (item: Item) => void };

type Props<Item, Status extends string, Accept extends string> = {
  /** The permission whose compounds the filter offers. */
  permission: Permission;
  /** The filter's choices; the first is shown first. */
  statuses: readonly [Status, ...Status[]];
  statusLabel: (status: Status) => string;
  statusTestId: string;
  /** The paged list for a status and an optional compound (a stable hook from `approval-queries.ts`). */
  usePage: (status: Status, compoundId: string | undefined) => ReturnType<typeof usePagedQuery<Item>>;
  /** Invalidated after every decision. */
  queryKey: readonly unknown[];
  emptyPendingTitle: string;
  /** The accepting decision (`approved`, `confirmed`) and its toast. */
  accept: Accept;
  acceptedToast: string;
  acceptDialog: (item: Item) => { title: string; content: string; confirmText: string };
  rejectTitle: string;
  rejectDescription: (item: Item) => string;
  reasonMax: number;
  decide: (item: Item, body: DecisionBody<Accept>) => Promise<void>;
  describeError: (error: unknown) => string;
  renderCard: (item: Item, actions: DecisionActions<Item>) => ReactNode;
};

/**
 * A secretary's queue of requests to decide (report-ins, post claims): a status and compound filter, the paged
 * cards, a confirm dialog before accepting and a popup asking for the reason before rejecting.
 */
export function DecisionQueue<Item, Status extends string, Accept extends string>(props: Props<Item, Status, Accept>) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const scopes = scopesWith(me, 'compound', props.permission);
  const [status, setStatus] = useState<Status>(props.statuses[0]);
  const [compoundId, setCompoundId] = useState(ALL_COMPOUNDS);
  const [rejecting, setRejecting] = useState<Item | null>(null);
  const { query, items } = props.usePage(status, compoundId === ALL_COMPOUNDS ? undefined : compoundId);
  const decide = useMutation({
    mutationFn: ({ item, decision, reason }: { item: Item; decision: Accept | 'rejected'; reason?: string }) =>
      props.decide(item, { decision, ...(reason ? { reason } : {}) }),
    onSuccess: (_, { decision }) => {
      setRejecting(null);
      Toast.show({ icon: 'success', content: decision === 'rejected' ? t('approvals.rejected') : props.acceptedToast });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: props.queryKey }),
  });

  const onAccept = async (item: Item) => {
    const ok = await Dialog.confirm({ ...props.acceptDialog(item), cancelText: t('common.cancel') });
    if (!ok) return;
    decide.mutate(
      { item, decision: props.accept },
      { onError: (error) => Toast.show({ icon: 'fail', content: props.describeError(error) }) },
    );
  };

  return (
    <>
      <Selector
        className="filter"
        columns={3}
        options={props.statuses.map((value) => ({ value, label: props.statusLabel(value) }))}
        value={[status]}
        onChange={(values) => {
          const [next] = values;
          if (next) setStatus(next);
        }}
        data-testid={props.statusTestId}
      />
      <CompoundFilter scopes={scopes} value={compoundId} onChange={setCompoundId} />
      {query.isPending ? (
        <PageSkeleton blocks={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={status === 'pending' ? props.emptyPendingTitle : t('approvals.emptyOther')} />
      ) : (
        <>
          {items.map((item) =>
            props.renderCard(item, {
              busy: decide.isPending,
              onAccept: (i) => void onAccept(i),
              onReject: setRejecting,
            }),
          )}
          <LoadMore query={query} />
        </>
      )}
      <TextPromptPopup
        visible={rejecting !== null}
        title={props.rejectTitle}
        description={rejecting ? props.rejectDescription(rejecting) : null}
        label={t('approvals.reasonLabel')}
        placeholder={t('approvals.reasonPlaceholder')}
        maxLength={props.reasonMax}
        required
        confirmText={t('approvals.reject')}
        confirmColor="danger"
        busy={decide.isPending}
        failure={
          decide.isError && decide.variables.decision === 'rejected' ? props.describeError(decide.error) : undefined
        }
        onConfirm={(reason) => {
          if (rejecting) decide.mutate({ item: rejecting, decision: 'rejected', reason });
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
