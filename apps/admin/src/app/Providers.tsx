import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './queryClient.ts';

/**
 * Party red for the brand band (header, emblem); a sober blue for controls, so a focused field never looks like an
 * error; restrained greys for the work surface.
 */
const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5fae',
    colorLink: '#1f5fae',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#8c1c22', headerHeight: 56, headerPadding: '0 16px', bodyBg: '#f2f3f5', siderBg: '#ffffff' },
    Table: { headerBg: '#f5f6f8', cellPaddingBlockMD: 10 },
    Menu: { itemSelectedBg: '#e8f0fb', itemBorderRadius: 4, groupTitleFontSize: 12 },
    Card: { headerFontSize: 15 },
  },
};

export const Providers = ({ children }: { children: ReactNode }) => {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en-US' ? enUS : zhCN;
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
};
