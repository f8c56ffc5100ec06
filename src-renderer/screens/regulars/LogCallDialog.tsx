/**
 * What came of a call to a member: the outcome (a radio group: ↑/↓ or ←/→ choose, as radios do), what
 * they said, saved once with F9 or the button (`contacts.logCall`, one idempotency key per record:
 * a double press logs one call).
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_OUTCOMES } from '../../../src-main/ledger/vocabulary.ts';
import type { CallOutcome, ContactEntry } from '../../../src-main/retention/types.ts';
import { api } from '../../api.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { DialogHead } from '../../components/DialogHead.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { controlProps, Field } from '../../components/Field.tsx';
import { formatPhone } from '../../components/format.ts';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { useSession } from '../../stores/session.ts';

interface LogCallDialogProps {
  member: { memberId: string; name: string; phone: string };
  /** `logged`: the call was recorded. */
  onClose: (logged: boolean) => void;
}

interface CallDraft {
  memberId: string;
  outcome: CallOutcome;
  feedback: string;
}

export function LogCallDialog({ member, onClose }: LogCallDialogProps) {
  const { t } = useTranslation();
  const staffId = useSession((s) => s.staffId);
  const titleId = useId();
  const feedbackId = useId();
  const groupName = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<CallOutcome>('reached');
  const [feedback, setFeedback] = useState('');

  const saver = useIdempotentCommit<CallDraft, ContactEntry>((d, idempotencyKey) =>
    api.call('contacts.logCall', { idempotencyKey, staffId: staffId ?? '', memberId: d.memberId, outcome: d.outcome, feedback: d.feedback }),
  );

  const save = async () => {
    if (saver.busy || !staffId) return;
    const done = await saver.commit({ memberId: member.memberId, outcome, feedback: feedback.trim() });
    if (done) onClose(true);
  };
  const close = () => {
    if (!saver.busy) onClose(false);
  };
  const dialog = useModalDialog(close, { returnFocus: true, onOpen: () => firstRef.current?.focus() });
  useShortcut(KEYS.pay, () => void save(), true, { inDialog: true });

  return (
    <dialog {...dialog} className="dialog call-dialog" aria-labelledby={titleId}>
      <form
        className="dialog-inner"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DialogHead titleId={titleId} title={t('regulars.call.title')} meta={<span className="num">{t('regulars.call.meta', { name: member.name, phone: formatPhone(member.phone) })}</span>} onClose={close} />
        <div className="dialog-body call-body">
          <fieldset className="fieldset field">
            <legend className="field-label">{t('regulars.call.outcome')}</legend>
            <div className="outcome-options">
              {CALL_OUTCOMES.map((o, i) => (
                <label key={o} className={`outcome-option${outcome === o ? ' is-checked' : ''}`}>
                  <input ref={i === 0 ? firstRef : undefined} type="radio" name={groupName} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
                  <span>{t(`regulars.outcome.${o}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <Field id={feedbackId} label={t('regulars.call.feedback')} mark="optional">
            <textarea
              {...controlProps(feedbackId, null)}
              className="input textarea"
              rows={3}
              maxLength={500}
              value={feedback}
              placeholder={t('regulars.call.feedbackPlaceholder')}
              onChange={(e) => setFeedback(e.target.value)}
            />
          </Field>
          {saver.error ? <ErrorNotice error={saver.error} title={t('regulars.call.failed')} /> : null}
        </div>
        <footer className="dialog-foot">
          <button type="button" className="btn btn-large" onClick={close} disabled={saver.busy} aria-keyshortcuts="Escape">
            {t('common.cancel')}
            <kbd className="kbd" aria-hidden="true">
              Esc
            </kbd>
          </button>
          <button type="submit" className="btn btn-primary btn-large" disabled={saver.busy || !staffId} aria-keyshortcuts={KEYS.pay}>
            {saver.busy ? t('regulars.call.saving') : t('regulars.call.save')}
            <kbd className="kbd" aria-hidden="true">
              {KEYS.pay}
            </kbd>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
