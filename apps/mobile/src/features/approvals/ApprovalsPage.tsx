import { Tabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageShell } from '../../components/PageShell.tsx';
import { EmptyState } from '../../components/StateBlocks.tsx';
import { canConfirmReportIns, canDecidePostClaims } from '../session/scopes.ts';
import { useCurrentUser } from '../session/session.ts';
import { ClaimApprovals } from './ClaimApprovals.tsx';
import { ReportInApprovals } from './ReportInApprovals.tsx';

type Tab = 'reportIns' | 'claims';

/** 审批 on the phone: a secretary confirms members' report-ins and decides post claims, each where permitted. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = [
    ...(canConfirmReportIns(me) ? (['reportIns'] as const) : []),
    ...(canDecidePostClaims(me) ? (['claims'] as const) : []),
  ];
  const asked = params.get('tab');
  const tab = tabs.find((candidate) => candidate === asked) ?? tabs[0];

  return (
    <PageShell title={t('approvals.title')} backTo="/" testId="h5-approvals">
      {tabs.length > 1 && tab ? (
        <Tabs
          className="page-tabs"
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          data-testid="h5-approvals-tabs"
        >
          {tabs.map((value) => (
            <Tabs.Tab
              key={value}
              title={<span data-testid={`h5-approvals-tab-${value}`}>{t(`approvals.tab.${value}`)}</span>}
            />
          ))}
        </Tabs>
      ) : null}
      {tab === 'reportIns' ? (
        <ReportInApprovals />
      ) : tab === 'claims' ? (
        <ClaimApprovals />
      ) : (
        <EmptyState title={t('approvals.noRight')} />
      )}
    </PageShell>
  );
}
