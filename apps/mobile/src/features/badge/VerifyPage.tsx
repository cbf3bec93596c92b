import { BadgeTokenSchema, type PublicBadge } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { membersApi } from '../../api/members.ts';
import { PageShell } from '../../components/PageShell.tsx';
import { ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

/**
 * 亮身份核验 — public, no sign-in: whoever scans a member's badge sees the name, branch and posts and that the code
 * is genuine, or that it is not (unknown or replaced). Nothing else about the member is ever shown.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const wellFormed = BadgeTokenSchema.safeParse(token).success;
  const badge = useQuery({
    queryKey: ['public-badge', token],
    queryFn: ({ signal }) => membersApi.publicBadge(token, signal),
    enabled: wellFormed,
    staleTime: 0,
  });
  const invalid = !wellFormed || (badge.isError && isApiError(badge.error) && badge.error.status === 404);

  return (
    <PageShell title={t('verify.title')} testId="h5-verify">
      {invalid ? (
        <section className="card verify-card verify-card-invalid" data-testid="h5-verify-invalid">
          <div className="verify-mark">
            <span className="verify-check" aria-hidden="true">
              ✕
            </span>
            <h2 className="verify-mark-text">{t('verify.invalidTitle')}</h2>
          </div>
          <p className="verify-lead">{t('verify.invalid')}</p>
        </section>
      ) : badge.isPending ? (
        <PageSkeleton blocks={1} />
      ) : badge.isError ? (
        <ErrorState error={badge.error} onRetry={() => void badge.refetch()} />
      ) : (
        <Verified badge={badge.data} />
      )}
    </PageShell>
  );
}

function Verified({ badge }: { badge: PublicBadge }) {
  const { t } = useTranslation();
  return (
    <section className="card verify-card" data-testid="h5-verify-ok">
      <div className="verify-mark">
        <span className="verify-check" aria-hidden="true">
          ✓
        </span>
        <span className="verify-mark-text">{t('verify.verified')}</span>
      </div>
      <p className="verify-lead">{t('verify.lead')}</p>
      <h2 className="verify-name" data-testid="h5-verify-name">
        {badge.name}
      </h2>
      <dl className="facts">
        <dt>{t('verify.branch')}</dt>
        <dd data-testid="h5-verify-branch">{badge.branchName ?? t('common.none')}</dd>
        <dt>{t('verify.posts')}</dt>
        <dd data-testid="h5-verify-posts">{badge.posts.length > 0 ? badge.posts.join('、') : t('verify.noPosts')}</dd>
        <dt>{t('verify.at')}</dt>
        <dd>{formatDateTime(badge.verifiedAt, currentLocale())}</dd>
      </dl>
    </section>
  );
}
