import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationApi } from '../../../api/organisation.ts';
import { PageShell } from '../../../components/PageShell.tsx';
import { EmptyState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import type { Scope } from '../../session/scopes.ts';
import { useCurrentUser } from '../../session/session.ts';
import { canFile, fileCompounds, fileGrids } from '../civic-access.ts';
import { CaseReportFlow } from './CaseReportFlow.tsx';

/** The compounds a grid worker's grids lie in, then compound-scoped filing rights, without repeats. */
const mergeCompounds = (fromGrids: readonly (Scope | null)[], direct: readonly Scope[]): Scope[] => {
  const seen = new Map<string, Scope>();
  for (const scope of [...fromGrids, ...direct]) {
    if (scope && !seen.has(scope.id)) seen.set(scope.id, scope);
  }
  return [...seen.values()];
};

/** 代办上报: a grid worker (or branch staff) files a case for a resident, from a visit, a reception day … */
export default function FilePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const grids = useMemo(() => fileGrids(me), [me]);
  const direct = useMemo(() => fileCompounds(me), [me]);
  const gridQueries = useQueries({
    queries: grids.map((grid) => ({
      queryKey: ['grid', grid.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => organisationApi.grid(grid.id, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const settled = gridQueries.every((query) => !query.isPending);
  const gridCompounds = gridQueries.map((query) =>
    query.data?.compoundId && query.data.compoundName
      ? { id: query.data.compoundId, name: query.data.compoundName }
      : null,
  );
  const compounds = settled ? mergeCompounds(gridCompounds, direct) : [];

  return (
    <PageShell title={t('civic.report.fileTitle')} backTo="/" testId="civic-file-page">
      {!canFile(me) ? (
        <EmptyState title={t('errors.FORBIDDEN')} />
      ) : settled ? (
        <CaseReportFlow mode="file" userId={me.id} compounds={compounds} />
      ) : (
        <PageSkeleton blocks={3} />
      )}
    </PageShell>
  );
}
