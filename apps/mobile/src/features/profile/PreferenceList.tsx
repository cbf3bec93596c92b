import type { Locale } from '@linli/contracts';
import { List, Radio, Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { chooseLocale, currentLocale } from '../../i18n/index.ts';
import { setElderMode, useElderMode } from '../../preferences/elder-mode.ts';

const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** Device settings: 大字模式 (elder_mode) and language; both remembered on this device only. */
export function PreferenceList() {
  const { t } = useTranslation();
  const elder = useElderMode();
  const locale = currentLocale();
  return (
    <List header={t('profile.settings')} mode="card">
      <List.Item
        description={t('elder.hint')}
        extra={
          <Switch checked={elder} onChange={setElderMode} aria-label={t('elder.label')} data-testid="h5-elder-toggle" />
        }
      >
        {t('elder.label')}
      </List.Item>
      <List.Item>
        <div className="lang-choice">
          <span id="lang-label">{t('lang.label')}</span>
          <Radio.Group value={locale} onChange={(value) => chooseLocale(value === 'en-US' ? 'en-US' : 'zh-CN')}>
            <div className="lang-options" role="radiogroup" aria-labelledby="lang-label">
              {LOCALES.map((option) => (
                <Radio key={option} value={option} data-testid={`h5-lang-${option}`}>
                  {option === 'zh-CN' ? t('lang.zh') : t('lang.en')}
                </Radio>
              ))}
            </div>
          </Radio.Group>
        </div>
      </List.Item>
    </List>
  );
}
