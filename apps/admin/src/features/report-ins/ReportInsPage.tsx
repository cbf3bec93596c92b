import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { BoardsTab } from './BoardsTab.tsx';
import { MemberReportInTab } from './MemberReportInTab.tsx';
import { OrgReportInTab } from './OrgReportInTab.tsx';
import { YearEndTab } from './YearEndTab.tsx';

const TABS = ['members', 'orgs', 'boards', 'year-end'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.some((t) => t === v);

/** 双报到: member report-ins to confirm, organisations' 报到单, the boards and the year-end review. */
export const ReportInsPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [creatingOrg, setCreatingOrg] = useState(false);
  const canRead = can('member.read');
  const asked = params.get('tab');
  const tab: Tab = isTab(asked) && (canRead || (asked !== 'boards' && asked !== 'year-end')) ? asked : 'members';

  const items = [
    { key: 'members', label: t('reportIn.tabs.members'), children: <MemberReportInTab /> },
    {
      key: 'orgs',
      label: t('reportIn.tabs.orgs'),
      children: <OrgReportInTab creating={creatingOrg} onCloseCreate={() => setCreatingOrg(false)} />,
    },
    ...(canRead
      ? [
          { key: 'boards', label: t('reportIn.tabs.boards'), children: <BoardsTab /> },
          { key: 'year-end', label: t('reportIn.tabs.yearEnd'), children: <YearEndTab /> },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('reportIn.title')}
      subTitle={t('reportIn.subTitle')}
      extra={
        tab === 'orgs' && (
          <CreateButton
            permission="org_report_in.submit"
            onClick={() => setCreatingOrg(true)}
            data-testid="org-report-in-create"
          >
            {t('reportIn.org.create')}
          </CreateButton>
        )
      }
    >
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setParams(key === 'members' ? {} : { tab: key }, { replace: true })}
        items={items}
        data-testid="report-in-tabs"
      />
    </PageContainer>
  );
};
