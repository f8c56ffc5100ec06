import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { useSession } from '../stores/session.ts';

/** Each language named in itself (中文, English), the same in every interface language. */
export const LANGUAGE_NAME_KEY = { 'zh-CN': 'frame.languageZh', en: 'frame.languageEn' } as const;

/**
 * 中文 | English as a radio group (each language named in itself). Choosing one switches the interface
 * at once and saves it as the shop's setting (`settings.update`).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useSession((s) => s.locale);
  const setLocale = useSession((s) => s.setLocale);
  return (
    <div className="segmented" role="radiogroup" aria-label={t('frame.languageLabel')}>
      {LOCALES.map((l: Locale) => (
        <label key={l} className={`segment${l === locale ? ' is-checked' : ''}`} lang={l}>
          <input
            type="radio"
            name="ui-locale"
            value={l}
            checked={l === locale}
            onChange={() => void setLocale(l, { persist: true })}
          />
          <span>{t(LANGUAGE_NAME_KEY[l])}</span>
        </label>
      ))}
    </div>
  );
}
