/**
 * No shift open on this till: the cashier types the float and presses Enter. One press, one shift (the
 * idempotency key belongs to the draft); a refusal (someone opened one meanwhile) is shown as it came.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftResult } from '../../../src-main/shifts/types.ts';
import { api } from '../../api.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { useSession } from '../../stores/session.ts';

interface OpenDraft {
  staffId: string;
  floatMinor: number;
}

const sendOpen = (draft: OpenDraft, idempotencyKey: string) => api.call('shifts.open', { ...draft, idempotencyKey });

export function OpenShiftForm({ onOpened }: { onOpened: (shift: ShiftResult) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const staffId = useSession((s) => s.staffId);
  const cashier = useSession((s) => s.staff);
  const [floatMinor, setFloatMinor] = useState<number | null>(null);
  const [attempted, setAttempted] = useState(false);
  const open = useIdempotentCommit(sendOpen);

  const submit = () => {
    setAttempted(true);
    if (floatMinor === null || !staffId) return;
    void open.commit({ staffId, floatMinor }).then((result) => {
      if (result) onOpened(result);
    });
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <section className="card shift-open" aria-labelledby={titleId}>
      <h2 className="shift-open-title" id={titleId}>
        {t('shift.open.title')}
      </h2>
      <p className="muted">{t('shift.open.intro')}</p>
      {cashier ? (
        <p className="shift-open-cashier">
          <span className="muted">{t('shift.open.cashier')}</span> <strong>{cashier.name}</strong>
        </p>
      ) : null}
      <div className="shift-open-row">
        <MoneyInput
          className="shift-float-field"
          label={t('shift.open.float')}
          valueMinor={floatMinor}
          onChangeMinor={(minor) => {
            setFloatMinor(minor);
            open.clearError();
          }}
          hint={t('shift.open.floatHint')}
          error={attempted && floatMinor === null ? t('shift.open.floatMissing') : null}
          placeholder={t('shift.open.floatPlaceholder')}
          onKeyDown={onKey}
          aria-keyshortcuts="Enter"
          autoFocus
        />
        <button type="button" className="btn btn-primary btn-large" onClick={submit} disabled={open.busy} aria-keyshortcuts="Enter">
          {open.busy ? t('shift.open.submitting') : t('shift.open.submit')}
          <span className="kbd" aria-hidden="true">
            Enter
          </span>
        </button>
      </div>
      {open.error ? <ErrorNotice error={open.error} /> : null}
    </section>
  );
}
