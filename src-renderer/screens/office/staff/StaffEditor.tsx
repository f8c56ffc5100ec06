/**
 * Add a person (name, role, optionally a PIN at once) or change one (name, role, archived). The owner's
 * rule that one active owner with a PIN always stays is the ledger's: its refusal is shown here.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../src-main/ledger/types.ts';
import type { StaffDetail } from '../../../../src-main/staff/types.ts';
import { api } from '../../../api.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field, TextField } from '../../../components/Field.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { isPin, PinField } from './PinField.tsx';

const ROLES: readonly StaffRole[] = ['cashier', 'manager', 'owner'];

export function StaffEditor({ person, onClose, onSaved }: { person: StaffDetail | null; onClose: () => void; onSaved: (saved: StaffDetail) => void }) {
  const { t } = useTranslation();
  const nameId = useId();
  const roleId = useId();
  const archiveId = useId();
  const pinId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(person?.name ?? '');
  const [role, setRole] = useState<StaffRole>(person?.role ?? 'cashier');
  const [archived, setArchived] = useState(person?.archivedAt != null);
  const [pin, setPin] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameError = tried && name.trim() === '' ? t('staff.tab.nameRequired') : null;
  const pinError = tried && pin !== '' && !isPin(pin) ? t('staff.tab.pinRule') : null;

  const save = async () => {
    setTried(true);
    if (busy || name.trim() === '' || (pin !== '' && !isPin(pin))) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('staff.upsert', {
        ...(person ? { id: person.id, archived } : {}),
        name: name.trim(),
        role,
        ...(!person && pin !== '' ? { pin } : {}),
      });
      onSaved(saved);
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
      title={person ? t('staff.tab.editTitle', { name: person.name }) : t('staff.tab.addTitle')}
      onClose={onClose}
      onOpen={() => nameRef.current?.focus()}
      busy={busy}
      confirmLabel={t('staff.tab.save')}
      confirmDisabled={busy}
      onConfirm={() => void save()}
    >
      <TextField id={nameId} inputRef={nameRef} label={t('staff.tab.name')} mark="required" value={name} onValue={setName} error={nameError} maxLength={30} />
      <Field id={roleId} label={t('staff.tab.roleLabel')}>
        <select id={roleId} className="select" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`staff.role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {person ? (
        <label className="check" htmlFor={archiveId}>
          <input id={archiveId} type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          <span className="check-text">
            <span className="check-label">{t('staff.tab.archive')}</span>
          </span>
        </label>
      ) : (
        <PinField id={pinId} label={t('staff.tab.pinOptional')} value={pin} onValue={setPin} hint={t('staff.tab.pinRule')} error={pinError} />
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </FormDialog>
  );
}
