import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../src-main/api/contract.ts';
import { api } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { toLocale } from '../i18n/index.ts';
import { useSession } from '../stores/session.ts';
import { AppInfoContext, ReloadAppInfoContext } from './app-info.ts';
import { Frame } from './Frame.tsx';

/** Loads the shop (`app.info`), applies its language and staff, then shows the frame. */
export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const initStaff = useSession((s) => s.initStaff);
  const setLocale = useSession((s) => s.setLocale);

  const load = useCallback(async () => {
    setError(null);
    try {
      const loaded = await api.call('app.info', {});
      await setLocale(toLocale(loaded.settings.locale));
      initStaff(loaded.staff);
      setInfo(loaded);
    } catch (e) {
      setError(e);
    }
  }, [initStaff, setLocale]);

  useEffect(() => {
    void load();
  }, [load]);

  // After the first load a reload keeps the screen up; a failure is the caller's to show.
  const reload = useCallback(async () => {
    const loaded = await api.call('app.info', {});
    initStaff(loaded.staff);
    setInfo(loaded);
  }, [initStaff]);

  if (!info) {
    return (
      <div className="boot">
        {error ? (
          <div className="boot-card">
            <h1 className="boot-title">{t('app.loadFailed')}</h1>
            <ErrorNotice error={error} onRetry={() => void load()} />
          </div>
        ) : (
          <p className="boot-loading" role="status">
            {t('app.loading')}
          </p>
        )}
      </div>
    );
  }

  return (
    <AppInfoContext.Provider value={info}>
      <ReloadAppInfoContext.Provider value={reload}>
        <Frame />
      </ReloadAppInfoContext.Provider>
    </AppInfoContext.Provider>
  );
}
