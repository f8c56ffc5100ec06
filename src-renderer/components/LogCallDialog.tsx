/**
 * What came of a call to a member (`contacts.logCall`), from the lapsed list or the member page: the
 * outcome (a radio group: ↑/↓ or ←/→ choose, Enter goes on to the feedback), what they said, saved
 * with F9 or the button. One idempotency key per record: a double press, or a retry after a lost
 * answer, logs one call. A member who asked not to be contacted is flagged before anything is logged.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_OUTCOMES } from '../../src-main/ledger/vocabulary.ts';
import type { CallOutcome, ContactEntry } from '../../src-main/retention/types.ts';
import { api } from '../api.ts';
import { useIdempotentCommit } from '../app/use-idempotent-commit.ts';
import { useSession } from '../stores/session.ts';
import { ErrorNotice, Notice } from './ErrorNotice.tsx';
import { controlProps, Field } from './Field.tsx';
import { formatPhone } from './format.ts';
import { FormDialog } from './FormDialog.tsx';

const FEEDBACK_MAX = 500;

export interface CallTarget {
  memberId: string;
  name: string;
  phone: string;
  doNotContact: boolean;
}

interface LogCallDialogProps {
  member: CallTarget;
  /** The campaign the call follows up, when it does. */
  campaignId?: string;
  /** The call as recorded, or null when the dialog was closed without logging one. */
  onClose: (logged: ContactEntry | null) => void;
}

interface CallDraft {
  outcome: CallOutcome;
  feedback: string;
}

export function LogCallDialog({ member, campaignId, onClose }: LogCallDialogProps) {
  const { t } = useTranslation();
  const staffId = useSession((s) => s.staffId);
  const uid = useId();
  const ids = { outcome: `${uid}-outcome`, feedback: `${uid}-feedback` };
  // No outcome chosen at first: F9 alone must not record a call as "reached".
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [feedback, setFeedback] = useState('');
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const firstOutcome = useRef<HTMLInputElement>(null);
  const feedbackRef = useRef<HTMLTextAreaElement>(null);

  const saver = useIdempotentCommit<CallDraft, ContactEntry>((call, idempotencyKey) =>
    api.call('contacts.logCall', { idempotencyKey, staffId: staffId ?? '', memberId: member.memberId, outcome: call.outcome, feedback: call.feedback, campaignId: campaignId ?? null }),
  );

  const save = async () => {
    if (saver.busy || !staffId) return;
    if (outcome === null) {
      setOutcomeMissing(true);
      firstOutcome.current?.focus();
      return;
    }
    const entry = await saver.commit({ outcome, feedback: feedback.trim() });
    if (entry) onClose(entry);
  };

  const outcomeError = outcomeMissing && outcome === null;

  return (
    <FormDialog
      className="call-dialog"
      bodyClassName="call-body"
      title={t('retention.call.title')}
      meta={<span className="num">{t('retention.call.meta', { name: member.name, phone: formatPhone(member.phone) })}</span>}
      onClose={() => onClose(null)}
      onOpen={() => firstOutcome.current?.focus()}
      busy={saver.busy}
      confirmLabel={saver.busy ? t('retention.call.saving') : t('retention.call.save')}
      confirmDisabled={saver.busy || !staffId}
      onConfirm={() => void save()}
    >
      {member.doNotContact ? <Notice kind="note" className="notice-warn" text={t('retention.call.dncNote')} /> : null}
      <fieldset className={`fieldset field${outcomeError ? ' has-error' : ''}`} aria-describedby={outcomeError ? `${ids.outcome}-error` : undefined}>
        <legend className="field-label">{t('retention.call.outcome')}</legend>
        <div className="outcome-options">
          {CALL_OUTCOMES.map((o, index) => (
            <label key={o} className="option-box">
              <input
                ref={index === 0 ? firstOutcome : undefined}
                type="radio"
                name={ids.outcome}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  // Enter on an outcome takes it (the focused one, when none was chosen) and goes on to the feedback.
                  e.preventDefault();
                  if (outcome === null) setOutcome(o);
                  feedbackRef.current?.focus();
                }}
                aria-invalid={outcomeError ? true : undefined}
              />
              <span>{t(`retention.outcome.${o}`)}</span>
            </label>
          ))}
        </div>
        {outcomeError ? (
          <p className="field-error" id={`${ids.outcome}-error`}>
            {t('retention.call.outcomeRequired')}
          </p>
        ) : null}
      </fieldset>
      <Field id={ids.feedback} label={t('retention.call.feedback')} mark="optional">
        <textarea
          ref={feedbackRef}
          {...controlProps(ids.feedback, null)}
          className="input textarea"
          rows={3}
          maxLength={FEEDBACK_MAX}
          value={feedback}
          placeholder={t('retention.call.feedbackPlaceholder')}
          onChange={(e) => setFeedback(e.target.value)}
        />
      </Field>
      <p className="call-keys" aria-hidden="true">
        {t('retention.call.keys')}
      </p>
      {saver.error ? <ErrorNotice error={saver.error} title={t('retention.call.failed')} /> : null}
    </FormDialog>
  );
}
