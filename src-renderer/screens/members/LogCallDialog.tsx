/**
 * Log a call to the member: how it went (↑/↓ in the outcome group) and what they said, confirmed
 * with F9 or the button. The call is recorded once per intended action: a second press, or a retry
 * after a lost answer, reuses the same idempotency key.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../src-main/ledger/types.ts';
import { CALL_OUTCOMES } from '../../../src-main/ledger/vocabulary.ts';
import type { CallOutcome, ContactEntry } from '../../../src-main/retention/types.ts';
import { api } from '../../api.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { DialogHead } from '../../components/DialogHead.tsx';
import { ErrorNotice, Notice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { formatPhone } from '../../components/format.ts';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { useSession } from '../../stores/session.ts';
import { useCareText } from './use-care-text.ts';

const FEEDBACK_MAX = 500;

interface CallDraft {
  outcome: CallOutcome | null;
  feedback: string;
}

export function LogCallDialog({ member, onLogged, onClose }: { member: Member; onLogged: (entry: ContactEntry) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const ct = useCareText();
  const uid = useId();
  const ids = { title: `${uid}-title`, outcome: `${uid}-outcome`, feedback: `${uid}-feedback` };
  const staffId = useSession((s) => s.staffId);
  const [draft, setDraft] = useState<CallDraft>({ outcome: null, feedback: '' });
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const firstOutcome = useRef<HTMLInputElement>(null);
  const feedbackRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const commit = useIdempotentCommit((call: { outcome: CallOutcome; feedback: string }, idempotencyKey: string) =>
    api.call('contacts.logCall', { idempotencyKey, staffId: staffId ?? '', memberId: member.id, outcome: call.outcome, feedback: call.feedback }),
  );

  const close = () => {
    if (!commit.busy) onClose();
  };
  const dialog = useModalDialog(close, { returnFocus: true, onOpen: () => firstOutcome.current?.focus() });

  const confirm = async () => {
    if (commit.busy || !staffId) return;
    if (draft.outcome === null) {
      setOutcomeMissing(true);
      firstOutcome.current?.focus();
      return;
    }
    const entry = await commit.commit({ outcome: draft.outcome, feedback: draft.feedback.trim() });
    if (entry) onLogged(entry);
  };
  useShortcut(KEYS.pay, () => void confirm(), true, { inDialog: true });

  const outcomeError = outcomeMissing && draft.outcome === null;

  return (
    <dialog {...dialog} className="dialog log-call-dialog" aria-labelledby={ids.title}>
      <form
        className="dialog-inner"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <DialogHead titleId={ids.title} title={ct('logCall.title')} meta={`${member.name} · ${formatPhone(member.phone)}`} onClose={close} />
        <div className="dialog-body log-call-body">
          {member.doNotContact ? <Notice kind="note" className="dnc-note" text={ct('logCall.dncNote')} /> : null}
          <fieldset className={`fieldset field${outcomeError ? ' has-error' : ''}`} aria-describedby={outcomeError ? `${ids.outcome}-error` : undefined}>
            <legend className="field-label">{ct('logCall.outcome')}</legend>
            <div className="outcome-choices">
              {CALL_OUTCOMES.map((outcome, index) => (
                <label key={outcome} className={`outcome-choice${draft.outcome === outcome ? ' is-checked' : ''}`}>
                  <input
                    ref={index === 0 ? firstOutcome : undefined}
                    type="radio"
                    name={ids.outcome}
                    value={outcome}
                    checked={draft.outcome === outcome}
                    onChange={() => setDraft((d) => ({ ...d, outcome }))}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        if (draft.outcome === null) setDraft((d) => ({ ...d, outcome }));
                        feedbackRef.current?.focus();
                      }
                    }}
                    aria-invalid={outcomeError ? true : undefined}
                  />
                  <span>{ct(`outcome.${outcome}`)}</span>
                </label>
              ))}
            </div>
            {outcomeError ? (
              <p className="field-error" id={`${ids.outcome}-error`}>
                {ct('logCall.outcomeRequired')}
              </p>
            ) : null}
          </fieldset>
          <TextField
            id={ids.feedback}
            inputRef={feedbackRef}
            label={ct('logCall.feedback')}
            mark="optional"
            value={draft.feedback}
            onValue={(feedback) => setDraft((d) => ({ ...d, feedback }))}
            placeholder={ct('logCall.feedbackPlaceholder')}
            maxLength={FEEDBACK_MAX}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                confirmRef.current?.focus();
              }
            }}
          />
          <p className="log-call-keys" aria-hidden="true">
            {ct('logCall.keys')}
          </p>
          {commit.error ? <ErrorNotice error={commit.error} title={ct('logCall.failed')} /> : null}
        </div>
        <footer className="dialog-foot">
          <button type="button" className="btn btn-large" onClick={close} disabled={commit.busy} aria-keyshortcuts="Escape">
            {t('common.cancel')}
            <kbd className="kbd" aria-hidden="true">
              Esc
            </kbd>
          </button>
          <button type="submit" ref={confirmRef} className="btn btn-primary btn-large" disabled={commit.busy || !staffId} aria-keyshortcuts={KEYS.pay}>
            {commit.busy ? ct('logCall.confirming') : ct('logCall.confirm')}
            <kbd className="kbd" aria-hidden="true">
              {KEYS.pay}
            </kbd>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
