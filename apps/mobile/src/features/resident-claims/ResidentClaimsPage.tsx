import type { ResidentClaim, ResidentClaimDecision, ResidentClaimStatus } from '@linli/contracts';
import { Dialog, InfiniteScroll, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageShell } from '../../components/PageShell.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { claimCompoundScopes } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';
import { ClaimCard } from './ClaimCard.tsx';
import { useDecideClaim, useResidentClaims } from './useResidentClaims.ts';

const STATUSES: readonly ResidentClaimStatus[] = ['pending', 'confirmed', 'rejected'];
const ALL = 'all';

/** 住户认领审核: residents who registered a household in the reviewer's compounds, to confirm or reject. */
export default function ResidentClaimsPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const me = useCurrentUser();
  const compounds = claimCompoundScopes(me);
  const [status, setStatus] = useState<ResidentClaimStatus>('pending');
  const [compoundId, setCompoundId] = useState<string>(ALL);
  const claims = useResidentClaims(status, compoundId === ALL ? undefined : compoundId);
  const decide = useDecideClaim();

  const onDecide = async (claim: ResidentClaim, decision: ResidentClaimDecision['decision']) => {
    const confirming = decision === 'confirmed';
    const values = { name: claim.displayName, address: `${claim.compoundName} ${claim.address}` };
    const ok = await Dialog.confirm({
      title: confirming ? t('claims.confirmTitle') : t('claims.rejectTitle'),
      content: confirming ? t('claims.confirmContent', values) : t('claims.rejectContent', values),
      confirmText: confirming ? t('claims.confirm') : t('claims.reject'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    try {
      await decide.mutateAsync({ id: claim.id, decision });
      Toast.show({ icon: 'success', content: confirming ? t('claims.confirmedToast') : t('claims.rejectedToast') });
    } catch (error) {
      Toast.show({ icon: 'fail', content: describe(error) });
    }
  };

  const items = claims.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <PageShell title={t('claims.title')} backTo="/" testId="h5-claims">
      <Selector
        className="filter"
        columns={3}
        options={STATUSES.map((value) => ({ value, label: t(`claims.status.${value}`) }))}
        value={[status]}
        onChange={(values) => {
          const [next] = values;
          if (next) setStatus(next);
        }}
        data-testid="h5-claims-status"
      />
      {compounds.length > 1 ? (
        <Selector
          className="filter"
          columns={2}
          options={[
            { value: ALL, label: t('claims.allCompounds') },
            ...compounds.map((c) => ({ value: c.id, label: c.name })),
          ]}
          value={[compoundId]}
          onChange={(values) => {
            const [next] = values;
            if (next) setCompoundId(next);
          }}
          data-testid="h5-claims-compound"
        />
      ) : null}
      {claims.isPending ? (
        <PageSkeleton blocks={3} />
      ) : claims.isError ? (
        <ErrorState error={claims.error} onRetry={() => void claims.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={status === 'pending' ? t('claims.emptyPending') : t('claims.emptyOther')} />
      ) : (
        <>
          {items.map((claim) => (
            <ClaimCard key={claim.id} claim={claim} busy={decide.isPending} onDecide={(c, d) => void onDecide(c, d)} />
          ))}
          <InfiniteScroll
            hasMore={claims.hasNextPage}
            loadMore={async () => {
              await claims.fetchNextPage({ throwOnError: true });
            }}
          />
        </>
      )}
    </PageShell>
  );
}
