import { useTranslation } from 'react-i18next';
import { PageShell } from '../../components/PageShell.tsx';
import { ScopeChooser } from '../../components/ScopeChooser.tsx';
import { compoundScopes } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';

/** 我的小区 entry: straight to the compound, or a choice when the user's roles span several. */
export default function CompoundIndexPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <PageShell title={t('compound.title')} backTo="/">
      <ScopeChooser
        scopes={compoundScopes(me)}
        pathOf={(id) => `/compound/${id}`}
        header={t('compound.choose')}
        emptyTitle={t('compound.noScope')}
        testId="h5-compound-choices"
      />
    </PageShell>
  );
}
