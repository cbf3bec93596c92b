import type { Grid } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { organisationApi } from '../../api/organisation.ts';
import { PageShell } from '../../components/PageShell.tsx';
import { ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { formatGridCode } from '../../i18n/format.ts';
import { gridScopes } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';

/** 我的网格: the grid's code, organisation, compound and workers. */
export default function GridPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const grid = useQuery({ queryKey: ['grid', id], queryFn: ({ signal }) => organisationApi.grid(id, signal) });
  const backTo = gridScopes(me).length > 1 ? '/grid' : '/';

  return (
    <PageShell title={grid.data?.name ?? t('grid.title')} backTo={backTo} testId="h5-grid">
      {grid.isPending ? (
        <PageSkeleton blocks={2} />
      ) : grid.isError ? (
        <ErrorState error={grid.error} onRetry={() => void grid.refetch()} />
      ) : (
        <GridBody grid={grid.data} />
      )}
    </PageShell>
  );
}

function GridBody({ grid }: { grid: Grid }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card">
        <h2 className="section-title">{grid.name}</h2>
        <dl className="facts">
          <dt>{t('grid.code')}</dt>
          <dd className="mono" data-testid="h5-grid-code">
            {formatGridCode(grid.code)}
          </dd>
          <dt>{t('grid.org')}</dt>
          <dd>{grid.orgName}</dd>
          <dt>{t('grid.compound')}</dt>
          <dd>{grid.compoundName ?? t('grid.noCompound')}</dd>
        </dl>
      </section>
      <h2 className="list-heading">{t('grid.workers')}</h2>
      <section className="card">
        {grid.workers.length === 0 ? (
          <p className="muted">{t('grid.noWorkers')}</p>
        ) : (
          <ul className="people">
            {grid.workers.map((worker) => (
              <li key={worker.userId} className="person">
                <div className="person-main">
                  <span className="person-name">{worker.displayName}</span>
                  <span className="person-position">{t('role.grid_worker')}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
