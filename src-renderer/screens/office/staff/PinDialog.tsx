/**
 * Set a PIN: the owner sets anyone's (which also lifts a lockout); anyone changes their own with the
 * current one. The new PIN is typed twice.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDetail } from '../../../../src-main/staff/types.ts';
import { api } from '../../../api.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { isPin, PinField } from './PinField.tsx';

export function PinDialog({ person, own, onClose, onSaved }: { person: { id: string; name: string }; own: boolean; onClose: () => void; onSaved: (saved: StaffDetail) => void }) {
  const { t } = useTranslation();
  const oldId = useId();
  const newId = useId();
  const againId = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const [oldPin, setOldPin] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const shape = tried && !isPin(pin) ? t('staff.tab.pinRule') : null;
  const mismatch = tried && isPin(pin) && pin !== again ? t('staff.tab.mismatch') : null;

  const save = async () => {
    setTried(true);
    if (busy || !isPin(pin) || pin !== again || (own && !isPin(oldPin))) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.call('staff.setPin', { staffId: person.id, newPin: pin, ...(own ? { oldPin } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      className="staff-dialog"
      bodyClassName="staff-dialog-body"
      title={own ? t('staff.tab.myPinTitle') : t('staff.tab.pinTitle', { name: person.name })}
      onClose={onClose}
      onOpen={() => firstRef.current?.focus()}
      busy={busy}
      confirmLabel={t('staff.tab.save')}
      confirmDisabled={busy}
      onConfirm={() => void save()}
    >
      {own ? <PinField ref={firstRef} id={oldId} label={t('staff.tab.oldPin')} value={oldPin} onValue={setOldPin} /> : null}
      <PinField ref={own ? undefined : firstRef} id={newId} label={t('staff.tab.newPin')} value={pin} onValue={setPin} hint={t('staff.tab.pinRule')} error={shape} />
      <PinField id={againId} label={t('staff.tab.newPinAgain')} value={again} onValue={setAgain} error={mismatch} />
      {error ? <ErrorNotice error={error} /> : null}
    </FormDialog>
  );
}
