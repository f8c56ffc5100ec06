import type { zhCN } from './zh-CN.ts';

/** Same keys as the Chinese catalog, any wording: what every locale must provide. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;

/**
 * A screen area's own strings, both locales side by side in the area's folder (`text.ts`), so each
 * screen owns its words; the catalogs mount them under the area's key. English must fill every key.
 */
export function areaText<const Z extends object>(zhCN: Z, en: Widen<Z>): { zhCN: Z; en: Widen<Z> } {
  return { zhCN, en };
}
