import { COMPOUND_PARTY_KINDS, type CompoundDetail } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { organisationApi } from '../../api/organisation.ts';
import { PageShell } from '../../components/PageShell.tsx';
import { ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';
import { formatCount } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { compoundScopes } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';
import { PartyCard } from './PartyCard.tsx';

/** 我的小区: the compound's facts and its four parties (党支部, 业委会, 居务监督委员会, 物业) with their people. */
export default function CompoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const compound = useQuery({
    queryKey: ['compound', id],
    queryFn: ({ signal }) => organisationApi.compound(id, signal),
  });
  const backTo = compoundScopes(me).length > 1 ? '/compound' : '/';

  return (
    <PageShell title={compound.data?.name ?? t('compound.title')} backTo={backTo} testId="h5-compound">
      {compound.isPending ? (
        <PageSkeleton blocks={3} />
      ) : compound.isError ? (
        <ErrorState error={compound.error} onRetry={() => void compound.refetch()} />
      ) : (
        <CompoundBody compound={compound.data} />
      )}
    </PageShell>
  );
}

function CompoundBody({ compound }: { compound: CompoundDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const stats = [
    { label: t('compound.households'), value: compound.householdCount },
    { label: t('compound.buildings'), value: compound.buildingCount },
    { label: t('compound.grids'), value: compound.gridCount },
    { label: t('compound.venues'), value: compound.venueCount },
  ];
  return (
    <>
      <section className="card">
        <div className="title-row">
          <h2 className="section-title">{compound.name}</h2>
          <Tag color="danger" fill="outline" className="status-tag">
            {t(`rollout.${compound.rolloutStage}`)}
          </Tag>
        </div>
        <dl className="facts">
          <dt>{t('compound.address')}</dt>
          <dd>{compound.address}</dd>
          <dt>{t('compound.org')}</dt>
          <dd>{compound.orgName}</dd>
          {compound.townName ? (
            <>
              <dt>{t('compound.town')}</dt>
              <dd>{compound.townName}</dd>
            </>
          ) : null}
        </dl>
        <ul className="stats">
          {stats.map((stat) => (
            <li key={stat.label} className="stat">
              <span className="stat-value">{formatCount(stat.value, locale)}</span>
              <span className="stat-label">{stat.label}</span>
            </li>
          ))}
        </ul>
      </section>
      <h2 className="list-heading">{t('compound.parties')}</h2>
      {COMPOUND_PARTY_KINDS.map((kind) => (
        <PartyCard key={kind} kind={kind} party={compound.parties.find((party) => party.kind === kind)} />
      ))}
    </>
  );
}
