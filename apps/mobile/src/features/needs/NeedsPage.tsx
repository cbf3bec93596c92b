import type { Need } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dialog, Selector, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { postsApi } from '../../api/posts.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageShell } from '../../components/PageShell.tsx';
import { EmptyState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { usePagedQuery } from '../../components/usePagedQuery.ts';
import { MemberErrorState } from '../member/MemberErrorState.tsx';
import { MY_KEYS } from '../member/member-queries.ts';
import { describeClaimError } from '../posts/post-labels.ts';
import { NeedCard } from './NeedCard.tsx';

type View = 'open' | 'mine';
const VIEWS: readonly View[] = ['open', 'mine'];

/** 认领需求: the open needs of my compound (需求清单) to take on, and the ones I took. */
export default function NeedsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'mine' ? 'mine' : 'open';
  const { query, items } = usePagedQuery({
    queryKey: MY_KEYS.needs,
    fetchPage: (cursor, signal) => postsApi.myNeeds({ cursor, limit: 50 }, signal),
  });
  const claim = useMutation({
    mutationFn: (need: Need) => postsApi.claimNeed(need.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_KEYS.needs }),
  });

  const onClaim = async (need: Need) => {
    const ok = await Dialog.confirm({
      title: t('needs.claimTitle'),
      content: t('needs.claimContent', { title: need.title }),
      confirmText: t('needs.claim'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    try {
      await claim.mutateAsync(need);
      Toast.show({ icon: 'success', content: t('needs.claimed') });
      setParams({ view: 'mine' }, { replace: true });
    } catch (error) {
      Toast.show({ icon: 'fail', content: describeClaimError(t, error) });
    }
  };

  const shown = items.filter((need) => (view === 'mine' ? need.claimedByMe : need.status === 'open'));

  return (
    <PageShell title={t('needs.title')} backTo="/" testId="h5-needs">
      <Selector
        className="filter"
        columns={2}
        options={VIEWS.map((value) => ({ value, label: t(`needs.view.${value}`) }))}
        value={[view]}
        onChange={(values) => {
          const [next] = values;
          if (next) setParams(next === 'mine' ? { view: 'mine' } : {}, { replace: true });
        }}
        data-testid="h5-needs-view"
      />
      {query.isPending ? (
        <PageSkeleton blocks={3} />
      ) : query.isError ? (
        <MemberErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {shown.length === 0 ? (
            <EmptyState
              title={view === 'mine' ? t('needs.emptyMine') : t('needs.emptyOpen')}
              description={view === 'mine' ? t('needs.emptyMineHint') : t('needs.emptyOpenHint')}
            />
          ) : (
            shown.map((need) => (
              <NeedCard key={need.id} need={need} busy={claim.isPending} onClaim={(n) => void onClaim(n)} />
            ))
          )}
          <LoadMore query={query} />
        </>
      )}
    </PageShell>
  );
}
