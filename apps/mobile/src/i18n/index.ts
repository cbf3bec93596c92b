import { type Locale, LocaleSchema } from '@linli/contracts';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, writePreference } from '../preferences/storage.ts';
import { enUS } from './en-US.ts';
import { type Messages, zhCN } from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const DEFAULT_LOCALE: Locale = 'zh-CN';

const storedLocale = (): Locale | null => {
  const parsed = LocaleSchema.safeParse(readPreference('locale'));
  return parsed.success ? parsed.data : null;
};

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: storedLocale() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ['zh-CN', 'en-US'],
  interpolation: { escapeValue: false },
  initAsync: false,
});

const syncDocument = (lng: string): void => {
  document.documentElement.lang = lng;
};
syncDocument(i18n.language);
i18n.on('languageChanged', syncDocument);

/** The language the UI shows and sends as `Accept-Language`. */
export const currentLocale = (): Locale => {
  const parsed = LocaleSchema.safeParse(i18n.language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
};

/** The user's explicit choice: remembered on this device (a preference, not personal data). */
export const chooseLocale = (locale: Locale): void => {
  writePreference('locale', locale);
  void i18n.changeLanguage(locale);
};

/** After sign-in, follow the account's language unless this device has an explicit choice. */
export const adoptAccountLocale = (locale: Locale): void => {
  if (storedLocale() === null && i18n.language !== locale) void i18n.changeLanguage(locale);
};
