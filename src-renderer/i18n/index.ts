/**
 * i18next for the renderer: Simplified Chinese by default, complete English. Keys are type-checked
 * against the Chinese catalog. The language last used on this computer is remembered so the first
 * paint is already in it; the shop setting (app.info) then decides.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

const CACHE_KEY = 'regulars.locale';

export function toLocale(value: unknown): Locale {
  return typeof value === 'string' && value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function cachedLocale(): Locale {
  try {
    return toLocale(localStorage.getItem(CACHE_KEY) ?? 'zh-CN');
  } catch {
    return 'zh-CN';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: cachedLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  react: { useSuspense: false },
});

function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = i18n.t('app.name');
  try {
    localStorage.setItem(CACHE_KEY, locale);
  } catch {
    // Private mode or storage full: the shop setting still decides on the next start.
  }
}

applyToDocument(currentLocale());
i18n.on('languageChanged', (lng) => applyToDocument(toLocale(lng)));

export function currentLocale(): Locale {
  return toLocale(i18n.resolvedLanguage ?? i18n.language);
}

export async function changeLocale(locale: Locale): Promise<void> {
  if (currentLocale() !== locale || i18n.language !== locale) await i18n.changeLanguage(locale);
}
