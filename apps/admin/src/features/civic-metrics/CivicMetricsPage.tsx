import { PrinterOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ForbiddenResult } from '../../app/guards.tsx';
import { canOpenNavItem, navItem } from '../../app/nav.tsx';
import { useSession } from '../../app/session.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { MetricsOverview } from './MetricsOverview.tsx';
import { RankingsTab } from './RankingsTab.tsx';
import './print.css';

const TABS = ['overview', 'rankings'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.some((t) => t === v);

/** `/civic-metrics`: 统计考核 — counts, 三率 and grades of a scope and period, and the monthly rankings. */
export const CivicMetricsPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = isTab(asked) ? asked : 'overview';
  if (!canOpenNavItem(navItem('civicMetrics'), can)) return <ForbiddenResult />;
  return (
    <PageContainer
      title={t('civicMetrics.title')}
      subTitle={t('civicMetrics.subTitle')}
      extra={
        <Button
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          className="no-print"
          data-testid="metrics-print"
        >
          {t('civicMetrics.print')}
        </Button>
      }
    >
      <Tabs
        className="metrics-tabs"
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'overview',
            label: <span data-testid="metrics-tab-overview">{t('civicMetrics.tabs.overview')}</span>,
            children: <MetricsOverview />,
          },
          {
            key: 'rankings',
            label: <span data-testid="metrics-tab-rankings">{t('civicMetrics.tabs.rankings')}</span>,
            children: <RankingsTab />,
          },
        ]}
      />
    </PageContainer>
  );
};
