/**
 * `memberCare.*` words for the member page's care blocks, with keys type-checked against the Chinese
 * text like every other `t()` key.
 *
 * The words live in this folder (care-text.ts). Until the catalogs (i18n/zh-CN.ts, en.ts) mount them
 * as `memberCare`, they are added to i18next here when this module loads; once mounted, that step
 * finds them present and does nothing.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';
import { memberCareText } from './care-text.ts';

const AREA = 'memberCare';

if (!i18n.exists(`${AREA}.consent.title`)) {
  i18n.addResourceBundle('zh-CN', 'translation', { [AREA]: memberCareText.zhCN }, true, false);
  i18n.addResourceBundle('en', 'translation', { [AREA]: memberCareText.en }, true, false);
}

/** Dotted paths to the strings of T; "x_one"/"x_other" plural forms are asked for as "x" (with a count). */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer Base}_${'one' | 'other'}` ? Base : K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type CareKey = Leaves<typeof memberCareText.zhCN>;
export type CareT = (key: CareKey, options?: Record<string, string | number>) => string;

export function useCareText(): CareT {
  const { t } = useTranslation();
  const untyped = t as unknown as (key: string, options?: Record<string, string | number>) => string;
  return (key, options) => untyped(`${AREA}.${key}`, options);
}
