import { Selector, Switch } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicApi, type InboxQuery } from '../../../api/civic.ts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageShell } from '../../../components/PageShell.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useDebouncedValue } from '../../../components/useDebouncedValue.ts';
import { usePagedQuery } from '../../../components/usePagedQuery.ts';
import { CIVIC_KEYS } from '../civic-queries.ts';
import { CaseSummaryCard } from '../shared/CaseSummaryCard.tsx';
import { useNow } from '../shared/deadline.ts';
import '../shared/civic.css';

/** The inbox's quick filters: what a handler or verifier does next. */
const FILTERS = {
  all: undefined,
  dispatched: 'dispatched',
  working: 'signed,in_progress,rework',
  handled: 'handled',
  deferred: 'deferred',
} as const;
type FilterName = keyof typeof FILTERS;
const FILTER_NAMES = Object.keys(FILTERS) as FilterName[];

/** 待办事项: the cases waiting for me or my unit, the nearest deadline first. */
export default function InboxPage() {
  const { t } = useTranslation();
  const now = useNow();
  const [filter, setFilter] = useState<FilterName>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q.trim(), 400);
  const query: InboxQuery = {
    view: 'inbox',
    sort: 'deadline',
    order: 'asc',
    ...(FILTERS[filter] ? { status: FILTERS[filter] } : {}),
    ...(overdueOnly ? { overdue: 'true' as const } : {}),
    ...(search ? { q: search } : {}),
  };
  const filtered = filter !== 'all' || overdueOnly || search !== '';
  const { query: list, items } = usePagedQuery({
    queryKey: [...CIVIC_KEYS.inbox, query],
    fetchPage: (cursor, signal) => civicApi.list({ ...query, ...(cursor ? { cursor } : {}) }, signal),
  });

  return (
    <PageShell title={t('civic.inbox.title')} backTo="/" testId="civic-inbox-page">
      <section className="card civic-inbox-filters">
        <TextField
          id="civic-inbox-search"
          testId="civic-inbox-search"
          label={t('civic.inbox.search')}
          type="search"
          enterKeyHint="search"
          maxLength={50}
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <Selector<FilterName>
          className="filter civic-inbox-status"
          columns={3}
          options={FILTER_NAMES.map((name) => ({ value: name, label: t(`civic.inbox.filter.${name}`) }))}
          value={[filter]}
          onChange={(values) => setFilter(values[0] ?? 'all')}
          data-testid="civic-inbox-filter"
        />
        <div className="civic-switch-row">
          <span className="field-label">{t('civic.inbox.overdueOnly')}</span>
          <Switch
            checked={overdueOnly}
            onChange={setOverdueOnly}
            aria-label={t('civic.inbox.overdueOnly')}
            data-testid="civic-inbox-overdue"
          />
        </div>
      </section>
      {list.isPending ? (
        <PageSkeleton blocks={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? t('civic.inbox.emptyFiltered') : t('civic.inbox.empty')} />
      ) : (
        <>
          <ul className="civic-case-list">
            {items.map((item) => (
              <li key={item.id}>
                <CaseSummaryCard
                  item={item}
                  to={`/civic/cases/${item.id}`}
                  testId={`inbox-case-${item.number}`}
                  variant="inbox"
                  now={now}
                />
              </li>
            ))}
          </ul>
          <LoadMore query={list} />
        </>
      )}
    </PageShell>
  );
}
