import { useTranslation } from 'react-i18next';
import { chooseLocale, currentLocale } from '../i18n/index.ts';
import { setElderMode, useElderMode } from '../preferences/elder-mode.ts';

/** Compact 大字 / English switches for the screens before sign-in (the profile page has the full settings). */
export function PreferenceToggles() {
  const { t } = useTranslation();
  const elder = useElderMode();
  return (
    <div className="pref-toggles">
      <button
        type="button"
        className={`pref-toggle${elder ? ' pref-toggle-on' : ''}`}
        aria-pressed={elder}
        onClick={() => setElderMode(!elder)}
        data-testid="h5-elder-quick"
      >
        {t('elder.short')}
      </button>
      <button
        type="button"
        className="pref-toggle"
        onClick={() => chooseLocale(currentLocale() === 'zh-CN' ? 'en-US' : 'zh-CN')}
        data-testid="h5-lang-quick"
      >
        {t('lang.other')}
      </button>
    </div>
  );
}
