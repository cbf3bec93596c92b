import type { Locale } from '@linli/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setLanguageSource } from '../api/http.ts';
import { enUS } from './en-US/index.ts';
import { zhCN } from './zh-CN/index.ts';

export const LANGUAGES: readonly Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LANGUAGE: Locale = 'zh-CN';
const STORAGE_KEY = 'linli.admin.lang';

const isLocale = (v: unknown): v is Locale => v === 'zh-CN' || v === 'en-US';

const storedLanguage = (): Locale => {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
};

const applyLanguage = (lng: Locale): void => {
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
};

export const currentLanguage = (): Locale =>
  isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

export const changeLanguage = async (lng: Locale): Promise<void> => {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  await i18n.changeLanguage(lng);
};

const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

applyLanguage(initial);
i18n.on('languageChanged', (lng) => {
  if (isLocale(lng)) applyLanguage(lng);
  document.title = i18n.t('common.appTitle');
});
setLanguageSource(currentLanguage);

export default i18n;
