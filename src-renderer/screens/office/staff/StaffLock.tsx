/**
 * In the frame: who is signed in at this till, as the lock button — pressing it sends the till back to
 * the sign-in screen until the next PIN (to hand over to someone else, or to step away). Compact on
 * purpose: the top bar is full.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon.tsx';
import { useErrorText } from '../../../components/ErrorNotice.tsx';
import { useSession } from '../../../stores/session.ts';

export function StaffLock() {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff);
  const signOut = useSession((s) => s.signOut);
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!staff) return null;
  const who = t('frame.staffOption', { name: staff.name, role: t(`staff.role.${staff.role}`) });
  const lock = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="staff-lock">
      <button type="button" className="btn btn-small staff-lock-button" onClick={() => void lock()} disabled={busy} title={who} aria-label={t('staff.frame.lockAs', { who })}>
        <Icon name="user" size={16} />
        <span className="staff-lock-name">{staff.name}</span>
        <span className="staff-lock-action" aria-hidden="true">
          {t('staff.frame.lock')}
        </span>
      </button>
      {error ? (
        <span className="is-loss" role="alert">
          {errorText(error)}
        </span>
      ) : null}
    </div>
  );
}
