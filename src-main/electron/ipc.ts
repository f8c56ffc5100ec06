/**
 * The one channel between the window and the main process, shared by the preload (which sends) and
 * main.ts (which answers). The renderer sees only `window.regulars.invoke`, typed by RegularsBridge.
 */
import type { ApiResult } from '../api/contract.ts';

export const INVOKE_CHANNEL = 'regulars:invoke';

/** What the preload puts on `window.regulars`: the same call as the loopback bridge's POST /api/<method>. */
export interface RegularsBridge {
  invoke: (method: string, input: unknown, locale?: string) => Promise<ApiResult<unknown>>;
}
