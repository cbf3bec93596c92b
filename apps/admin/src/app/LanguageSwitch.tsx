import { GlobalOutlined } from '@ant-design/icons';
import type { Locale } from '@linli/contracts';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/index.ts';

/** zh-CN / en-US; the choice is remembered in this browser. */
export const LanguageSwitch = ({ className }: { className?: string }) => {
  const { t, i18n } = useTranslation();
  const value = i18n.resolvedLanguage === 'en-US' ? 'en-US' : currentLanguage();
  return (
    <Select<Locale>
      className={className}
      size="small"
      aria-label={t('common.lang.label')}
      data-testid="language-switch"
      prefix={<GlobalOutlined />}
      value={value}
      onChange={(lng) => void changeLanguage(lng)}
      style={{ width: 128 }}
      options={[
        { value: 'zh-CN', label: t('common.lang.zhCN') },
        { value: 'en-US', label: t('common.lang.enUS') },
      ]}
    />
  );
};
