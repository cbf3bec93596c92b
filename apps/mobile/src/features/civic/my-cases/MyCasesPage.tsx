import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { civicApi } from '../../../api/civic.ts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageShell } from '../../../components/PageShell.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import { usePagedQuery } from '../../../components/usePagedQuery.ts';
import { CIVIC_KEYS } from '../civic-queries.ts';
import { CaseSummaryCard } from '../shared/CaseSummaryCard.tsx';
import { useNow } from '../shared/deadline.ts';
import '../shared/civic.css';

/** 我的事项: the cases I reported and the ones I said "me too" to, newest first. */
export default function MyCasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow();
  const { query, items } = usePagedQuery({
    queryKey: CIVIC_KEYS.mine,
    fetchPage: (cursor, signal) => civicApi.myCases(cursor, signal),
  });
  const report = (
    <Button
      block
      color="primary"
      size="large"
      onClick={() => navigate('/civic/report')}
      data-testid="civic-mine-report"
    >
      {t('civic.mine.report')}
    </Button>
  );
  return (
    <PageShell title={t('civic.mine.title')} backTo="/" testId="civic-mine-page">
      {query.isPending ? (
        <PageSkeleton blocks={3} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <>
          <EmptyState title={t('civic.mine.empty')} description={t('civic.mine.emptyHint')} />
          {report}
        </>
      ) : (
        <>
          {report}
          <ul className="civic-case-list">
            {items.map((item) => (
              <li key={item.id}>
                <CaseSummaryCard
                  item={item}
                  to={`/civic/mine/${item.id}`}
                  testId={`my-case-${item.number}`}
                  variant="mine"
                  now={now}
                />
              </li>
            ))}
          </ul>
          <LoadMore query={query} />
        </>
      )}
    </PageShell>
  );
}
