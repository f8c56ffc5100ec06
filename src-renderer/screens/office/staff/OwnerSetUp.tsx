/**
 * A new shop's first start: nothing works until the owner has chosen a PIN (typed twice). Then the
 * owner is signed in (`staff.setUpOwner`).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../../app/app-info.ts';
import { LanguageSwitch } from '../../../app/LanguageSwitch.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { useSession } from '../../../stores/session.ts';
import { isPin, PinField } from './PinField.tsx';

export function OwnerSetUp() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const setUpOwner = useSession((s) => s.setUpOwner);
  const firstId = useId();
  const againId = useId();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mismatch = tried && pin !== again ? t('staff.setUp.mismatch') : null;
  const shape = tried && !isPin(pin) ? t('staff.tab.pinRule') : null;

  const submit = async () => {
    setTried(true);
    if (busy || !isPin(pin) || pin !== again) return;
    setBusy(true);
    setError(null);
    try {
      await setUpOwner(pin);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="boot sign-in">
      <form
        className="boot-card sign-in-card setup-card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <header className="sign-in-head">
          <span className="brand-mark">
            <Icon name="store" size={22} />
          </span>
          <div>
            <p className="sign-in-shop">{info.settings.shopName}</p>
            <h1 className="boot-title">{t('staff.setUp.title')}</h1>
            <p className="muted">{t('staff.setUp.subtitle')}</p>
          </div>
          <LanguageSwitch />
        </header>
        <div className="setup-fields">
          <PinField id={firstId} label={t('staff.setUp.pin')} value={pin} onValue={setPin} hint={t('staff.tab.pinRule')} error={shape} autoFocus disabled={busy} />
          <PinField id={againId} label={t('staff.setUp.pinAgain')} value={again} onValue={setAgain} error={mismatch} disabled={busy} />
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="sign-in-actions">
          <button type="submit" className="btn btn-primary btn-large" disabled={busy}>
            {t('staff.setUp.submit')}
            <kbd className="kbd" aria-hidden="true">
              Enter
            </kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
