import { createContext, useContext } from 'react';
import type { AppInfo } from '../../src-main/api/contract.ts';

/** Shop settings, staff and tiers as loaded at start-up (`app.info`). */
export const AppInfoContext = createContext<AppInfo | null>(null);
/** Loads `app.info` again (after the owner changed settings or tiers), so every screen sees it. */
export const ReloadAppInfoContext = createContext<() => Promise<void>>(async () => {});

export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext);
  if (!info) throw new Error('useAppInfo outside AppInfoContext');
  return info;
}

export function useReloadAppInfo(): () => Promise<void> {
  return useContext(ReloadAppInfoContext);
}
