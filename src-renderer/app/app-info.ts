import { createContext, useContext } from 'react';
import type { AppInfo } from '../../src-main/api/contract.ts';

/** Shop settings, staff and tiers as loaded at start-up (`app.info`). */
export const AppInfoContext = createContext<AppInfo | null>(null);

export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext);
  if (!info) throw new Error('useAppInfo outside AppInfoContext');
  return info;
}
