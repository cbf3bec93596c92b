import { useTranslation } from 'react-i18next';
import { PageShell } from '../../components/PageShell.tsx';
import { ScopeChooser } from '../../components/ScopeChooser.tsx';
import { gridScopes } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';

/** 我的网格 entry: the grid in the grid worker's role scope, or a choice between several. */
export default function GridIndexPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <PageShell title={t('grid.title')} backTo="/">
      <ScopeChooser
        scopes={gridScopes(me)}
        pathOf={(id) => `/grid/${id}`}
        header={t('grid.choose')}
        emptyTitle={t('grid.noScope')}
        testId="h5-grid-choices"
      />
    </PageShell>
  );
}
