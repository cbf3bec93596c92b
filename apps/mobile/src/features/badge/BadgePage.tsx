import type { MemberBadge } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { membersApi } from '../../api/members.ts';
import { PageShell } from '../../components/PageShell.tsx';
import { PageSkeleton } from '../../components/StateBlocks.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { MemberErrorState } from '../member/MemberErrorState.tsx';
import { MY_KEYS } from '../member/member-queries.ts';
import { BadgeQr } from './BadgeQr.tsx';

/** The server gives the H5 route relative (`/m/verify/<token>`); a QR code needs it absolute. */
const absoluteVerifyUrl = (badge: MemberBadge): string => new URL(badge.verifyUrl, window.location.origin).href;

/** 亮身份: my Party identity card with a QR code anyone can scan to verify it, and 更换二维码 for a lost badge. */
export default function BadgePage() {
  const { t } = useTranslation();
  const badge = useQuery({ queryKey: MY_KEYS.badge, queryFn: ({ signal }) => membersApi.myBadge(signal) });
  return (
    <PageShell title={t('badge.title')} backTo="/" testId="h5-badge">
      {badge.isPending ? (
        <PageSkeleton blocks={1} />
      ) : badge.isError ? (
        <MemberErrorState error={badge.error} onRetry={() => void badge.refetch()} />
      ) : (
        <BadgeBody badge={badge.data} />
      )}
    </PageShell>
  );
}

function BadgeBody({ badge }: { badge: MemberBadge }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const renew = useMutation({
    mutationFn: membersApi.renewBadge,
    onSuccess: (next) => {
      queryClient.setQueryData(MY_KEYS.badge, next);
      Toast.show({ icon: 'success', content: t('badge.renewed') });
    },
    onError: (error) => Toast.show({ icon: 'fail', content: describe(error) }),
  });

  const confirmRenew = async () => {
    const ok = await Dialog.confirm({
      title: t('badge.renewTitle'),
      content: t('badge.renewContent'),
      confirmText: t('badge.renewConfirm'),
      cancelText: t('common.cancel'),
    });
    if (ok) renew.mutate();
  };

  return (
    <>
      <section className="badge-card" data-testid="h5-badge-card">
        <header className="badge-band">
          <span className="badge-star" aria-hidden="true">
            ★
          </span>
          <span>{t('badge.band')}</span>
        </header>
        <div className="badge-body">
          <h2 className="badge-name" data-testid="h5-badge-name">
            {badge.name}
          </h2>
          <p className="badge-branch">{badge.branchName ?? t('badge.noBranch')}</p>
          {badge.posts.length > 0 ? (
            <ul className="badge-posts" aria-label={t('badge.posts')}>
              {badge.posts.map((post) => (
                <li key={post} className="badge-post">
                  {post}
                </li>
              ))}
            </ul>
          ) : null}
          <BadgeQr url={absoluteVerifyUrl(badge)} />
          <p className="badge-hint">{t('badge.scanHint')}</p>
        </div>
      </section>
      <p className="muted">{t('badge.showHint')}</p>
      <Button
        block
        size="large"
        fill="outline"
        loading={renew.isPending}
        onClick={() => void confirmRenew()}
        data-testid="h5-badge-renew"
      >
        {t('badge.renew')}
      </Button>
    </>
  );
}
