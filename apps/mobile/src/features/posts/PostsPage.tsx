import { CreatePostClaimBodySchema, type MyPost, type PostClaim } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ActionSheet, Dialog, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { postsApi } from '../../api/posts.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageShell } from '../../components/PageShell.tsx';
import { EmptyState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { TextPromptPopup } from '../../components/TextPromptPopup.tsx';
import { usePagedQuery } from '../../components/usePagedQuery.ts';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { MemberErrorState } from '../member/MemberErrorState.tsx';
import { MY_KEYS } from '../member/member-queries.ts';
import { MyClaimCard } from './MyClaimCard.tsx';
import { PostCard } from './PostCard.tsx';
import { describeClaimError } from './post-labels.ts';

type View = 'open' | 'mine';
const VIEWS: readonly View[] = ['open', 'mine'];
const NOTE_MAX = CreatePostClaimBodySchema.shape.note.unwrap().maxLength ?? 200;
const ALL = '';

/** 认领岗位: the open posts of my compound by category, claiming a seat, and my claims with their state. */
export default function PostsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'mine' ? 'mine' : 'open';

  return (
    <PageShell title={t('posts.title')} backTo="/" testId="h5-posts">
      <Selector
        className="filter"
        columns={2}
        options={VIEWS.map((value) => ({ value, label: t(`posts.view.${value}`) }))}
        value={[view]}
        onChange={(values) => {
          const [next] = values;
          if (next) setParams(next === 'mine' ? { view: 'mine' } : {}, { replace: true });
        }}
        data-testid="h5-posts-view"
      />
      {view === 'open' ? <OpenPosts /> : <MyClaims />}
    </PageShell>
  );
}

function OpenPosts() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [categoryId, setCategoryId] = useState(ALL);
  const [picking, setPicking] = useState(false);
  const [claiming, setClaiming] = useState<MyPost | null>(null);
  const categories = useQuery({ queryKey: ['post-categories'], queryFn: ({ signal }) => postsApi.categories(signal) });
  const { query, items } = usePagedQuery({
    queryKey: [...MY_KEYS.posts, categoryId],
    fetchPage: (cursor, signal) =>
      postsApi.myPosts({ cursor, limit: 50, ...(categoryId === ALL ? {} : { categoryId }) }, signal),
  });
  const claim = useMutation({
    mutationFn: ({ post, note }: { post: MyPost; note: string }) => {
      const body = note ? { note } : {};
      return postsApi.claim(post.id, body, keyFor({ postId: post.id, ...body }));
    },
    onSuccess: () => {
      setClaiming(null);
      Toast.show({ icon: 'success', content: t('posts.claimed') });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: MY_KEYS.posts }),
        queryClient.invalidateQueries({ queryKey: MY_KEYS.claims }),
      ]),
  });

  const categoryName = categories.data?.find((category) => category.id === categoryId)?.name;
  // Categories offered: the active ones, plus a retired one while it is the chosen filter.
  const choices = (categories.data ?? []).filter((category) => category.active || category.id === categoryId);

  if (query.isPending) return <PageSkeleton blocks={3} />;
  if (query.isError) return <MemberErrorState error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <button
        type="button"
        className="field-input field-picker filter-picker"
        onClick={() => setPicking(true)}
        aria-haspopup="dialog"
        data-testid="h5-posts-category"
      >
        <span className="field-picker-sub">{t('posts.category')}</span>
        <span className="field-picker-text">{categoryName ?? t('posts.allCategories')}</span>
      </button>
      <ActionSheet
        visible={picking}
        onClose={() => setPicking(false)}
        cancelText={t('common.cancel')}
        actions={[{ key: ALL, text: t('posts.allCategories') }, ...choices.map((c) => ({ key: c.id, text: c.name }))]}
        onAction={(action) => {
          setCategoryId(String(action.key));
          setPicking(false);
        }}
      />
      {items.length === 0 ? (
        <EmptyState
          title={categoryId === ALL ? t('posts.emptyOpen') : t('posts.emptyCategory')}
          description={t('posts.emptyOpenHint')}
        />
      ) : (
        items.map((post) => <PostCard key={post.id} post={post} onClaim={setClaiming} />)
      )}
      <LoadMore query={query} />
      <TextPromptPopup
        visible={claiming !== null}
        title={t('posts.claimTitle')}
        description={claiming ? t('posts.claimDescription', { title: claiming.title }) : null}
        label={t('posts.noteLabel')}
        placeholder={t('posts.notePlaceholder')}
        maxLength={NOTE_MAX}
        required={false}
        confirmText={t('posts.claimConfirm')}
        busy={claim.isPending}
        failure={claim.isError ? describeClaimError(t, claim.error) : undefined}
        onConfirm={(note) => {
          if (claiming) claim.mutate({ post: claiming, note });
        }}
        onClose={() => {
          setClaiming(null);
          claim.reset();
        }}
        testId="h5-post-claim-popup"
      />
    </>
  );
}

function MyClaims() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const { query, items } = usePagedQuery({
    queryKey: MY_KEYS.claims,
    fetchPage: (cursor, signal) => postsApi.myClaims({ cursor }, signal),
  });
  const withdraw = useMutation({
    mutationFn: (claim: PostClaim) => postsApi.withdrawClaim(claim.id),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: MY_KEYS.claims }),
        queryClient.invalidateQueries({ queryKey: MY_KEYS.posts }),
        queryClient.invalidateQueries({ queryKey: MY_KEYS.record }),
      ]),
  });

  const onWithdraw = async (claim: PostClaim) => {
    const ok = await Dialog.confirm({
      title: t('posts.withdrawTitle'),
      content: t(claim.status === 'approved' ? 'posts.withdrawApproved' : 'posts.withdrawPending', {
        title: claim.postTitle,
      }),
      confirmText: t('posts.withdraw'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    try {
      await withdraw.mutateAsync(claim);
      Toast.show({ icon: 'success', content: t('posts.withdrawn') });
    } catch (error) {
      Toast.show({ icon: 'fail', content: describe(error) });
    }
  };

  if (query.isPending) return <PageSkeleton blocks={2} />;
  if (query.isError) return <MemberErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) return <EmptyState title={t('posts.emptyMine')} description={t('posts.emptyMineHint')} />;
  return (
    <>
      {items.map((claim) => (
        <MyClaimCard key={claim.id} claim={claim} busy={withdraw.isPending} onWithdraw={(c) => void onWithdraw(c)} />
      ))}
      <LoadMore query={query} />
    </>
  );
}
