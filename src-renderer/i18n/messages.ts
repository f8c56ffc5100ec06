import type { zhCN } from './zh-CN.ts';

/** Same keys as the Chinese catalog, any wording: what every locale must provide. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
