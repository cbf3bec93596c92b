import type { Rating, ServiceRecord } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { servicesApi } from '../../api/services.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageShell } from '../../components/PageShell.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { usePagedQuery } from '../../components/usePagedQuery.ts';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { RateCard } from './RateCard.tsx';
import { TO_RATE_KEY } from './rating-queries.ts';

/** 评价服务: services Party members did for my household that I have not rated yet (群众评单). */
export default function RateServicesPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const { query, items } = usePagedQuery({
    queryKey: TO_RATE_KEY,
    fetchPage: (cursor, signal) => servicesApi.toRate({ cursor }, signal),
  });
  const rate = useMutation({
    mutationFn: ({ record, rating, comment }: { record: ServiceRecord; rating: Rating; comment: string }) =>
      servicesApi.rate(record.id, { rating, ...(comment ? { comment } : {}) }),
    onSuccess: async () => {
      Toast.show({ icon: 'success', content: t('rate.thanks') });
      await queryClient.invalidateQueries({ queryKey: TO_RATE_KEY });
    },
    // Rated meanwhile (409): the refetch drops it from the list.
    onError: () => queryClient.invalidateQueries({ queryKey: TO_RATE_KEY }),
  });

  return (
    <PageShell title={t('rate.title')} backTo="/" testId="h5-rate">
      {query.isPending ? (
        <PageSkeleton blocks={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('rate.empty')} description={t('rate.emptyHint')} />
      ) : (
        <>
          <p className="muted intro">{t('rate.intro')}</p>
          {items.map((record) => {
            const mine = rate.variables?.record.id === record.id;
            return (
              <RateCard
                key={record.id}
                record={record}
                busy={rate.isPending && mine}
                failure={rate.isError && mine ? describe(rate.error) : undefined}
                onRate={(r, rating, comment) => rate.mutate({ record: r, rating, comment })}
              />
            );
          })}
          <LoadMore query={query} />
        </>
      )}
    </PageShell>
  );
}
