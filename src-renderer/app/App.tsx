import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../src-main/api/contract.ts';
import { api } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { toLocale } from '../i18n/index.ts';
import { ApprovalHost } from '../screens/office/staff/ApprovalHost.tsx';
import { OwnerSetUp } from '../screens/office/staff/OwnerSetUp.tsx';
import { SignInScreen } from '../screens/office/staff/SignInScreen.tsx';
import { useSession } from '../stores/session.ts';
import '../styles/staff.css';
import { AppInfoContext, ReloadAppInfoContext } from './app-info.ts';
import { Frame } from './Frame.tsx';

/**
 * Loads the shop (`app.info`) and who is signed in at this till (`staff.session`), applies the shop's
 * language, then shows the first owner PIN (a new shop), the sign-in screen, or the frame with the
 * one owner-PIN approval dialog every screen's calls may ask for.
 */
export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const status = useSession((s) => s.status);
  const loadSession = useSession((s) => s.loadSession);
  const setLocale = useSession((s) => s.setLocale);

  const load = useCallback(async () => {
    setError(null);
    try {
      const loaded = await api.call('app.info', {});
      await setLocale(toLocale(loaded.settings.locale));
      await loadSession();
      setInfo(loaded);
    } catch (e) {
      setError(e);
    }
  }, [loadSession, setLocale]);

  useEffect(() => {
    void load();
  }, [load]);

  // After the first load a reload keeps the screen up; a failure is the caller's to show.
  const reload = useCallback(async () => {
    setInfo(await api.call('app.info', {}));
  }, []);

  // Someone else signs in: the staff list and settings as they are now.
  useEffect(() => {
    if (status === 'signedIn') void reload().catch(() => undefined);
  }, [status, reload]);

  if (!info || status === 'unknown') {
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
        {status === 'needsOwnerPin' ? <OwnerSetUp /> : status === 'signedOut' ? <SignInScreen /> : <Frame />}
        <ApprovalHost />
      </ReloadAppInfoContext.Provider>
    </AppInfoContext.Provider>
  );
}
