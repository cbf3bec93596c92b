import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ApiKeysTab } from './ApiKeysTab.tsx';
import { CalendarTab } from './CalendarTab.tsx';
import { CategoriesTab } from './CategoriesTab.tsx';
import { MetricSettingsTab } from './MetricSettingsTab.tsx';
import { RoutingTab } from './RoutingTab.tsx';
import { SlaTab } from './SlaTab.tsx';

const TABS = ['categories', 'sla', 'routing', 'calendar', 'metrics', 'apiKeys'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.some((t) => t === v);

const CONTENT: Record<Tab, () => ReactNode> = {
  categories: () => <CategoriesTab />,
  sla: () => <SlaTab />,
  routing: () => <RoutingTab />,
  calendar: () => <CalendarTab />,
  metrics: () => <MetricSettingsTab />,
  apiKeys: () => <ApiKeysTab />,
};

/** `/civic-settings`: 民情设置 — what the county configures for the closed loop, one tab per table. */
export const CivicSettingsPage = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = isTab(asked) ? asked : 'categories';
  return (
    <PageContainer title={t('civicSettings.title')} subTitle={t('civicSettings.subTitle')}>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setParams(key === 'categories' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`civic-settings-tab-${key}`}>{t(`civicSettings.tabs.${key}`)}</span>,
          children: CONTENT[key](),
        }))}
      />
    </PageContainer>
  );
};
