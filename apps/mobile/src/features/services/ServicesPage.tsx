import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { servicesApi } from '../../api/services.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageShell } from '../../components/PageShell.tsx';
import { EmptyState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { usePagedQuery } from '../../components/usePagedQuery.ts';
import { MemberErrorState } from '../member/MemberErrorState.tsx';
import { MY_KEYS } from '../member/member-queries.ts';
import { ServiceCard, ServiceRatingLine } from './ServiceCard.tsx';

/** 我的服务: every service I logged, newest first, with how it was rated; 记录服务 on top. */
export default function ServicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { query, items } = usePagedQuery({
    queryKey: MY_KEYS.services,
    fetchPage: (cursor, signal) => servicesApi.mine({ cursor }, signal),
  });
  const failed = query.isError;

  return (
    <PageShell title={t('services.title')} backTo="/" testId="h5-services">
      {failed ? null : (
        <Button
          block
          color="primary"
          size="large"
          onClick={() => navigate('/member/services/new')}
          data-testid="h5-service-new"
        >
          {t('services.new')}
        </Button>
      )}
      {query.isPending ? (
        <PageSkeleton blocks={3} />
      ) : query.isError ? (
        <MemberErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('services.empty')} description={t('services.emptyHint')} />
      ) : (
        <>
          <h2 className="list-heading">{t('services.listHeading')}</h2>
          {items.map((record) => (
            <ServiceCard
              key={record.id}
              record={record}
              testId="h5-service-item"
              footer={<ServiceRatingLine record={record} />}
            />
          ))}
          <LoadMore query={query} />
        </>
      )}
    </PageShell>
  );
}
