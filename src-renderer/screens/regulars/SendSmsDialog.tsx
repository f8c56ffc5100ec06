/**
 * The win-back message to the ticked members: name the campaign, write the text (the shop's template
 * to start from, placeholders inserted at the caret), an offer and its last day; read each message as
 * the phone will show it and who will not get it; confirm with F9. `campaigns.send` runs once per
 * intended send (one idempotency key per draft: a double press, or a retry after a lost answer, sends
 * once). Then the dialog follows the messages out of the outbox until all have gone.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSchema } from '../../../src-main/ledger/settings-schema.ts';
import type { CampaignSendResult } from '../../../src-main/retention/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { ConfirmFoot, DoneFoot } from '../../components/DialogFoot.tsx';
import { DialogHead } from '../../components/DialogHead.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field, TextField } from '../../components/Field.tsx';
import { useFormat } from '../../components/format.ts';
import { TemplateEditor } from '../../components/TemplateEditor.tsx';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { useSession } from '../../stores/session.ts';
import { shiftDay, todayBusinessDate } from '../bills/dates.ts';
import { CampaignProgress } from './CampaignProgress.tsx';
import { MessagePreviewList } from './MessagePreviewList.tsx';
import { useCampaignPreview, type MessageDraft } from './use-campaign-preview.ts';

export interface Recipient {
  memberId: string;
  name: string;
}

interface SendSmsDialogProps {
  recipients: readonly Recipient[];
  /** `sent`: a campaign was queued (the list and the selection should follow). */
  onClose: (sent: boolean) => void;
}

const TEMPLATE_MAX = settingsSchema.shape.messaging.shape.winbackTemplate.maxLength ?? 500;

/** One-press last days for the offer: a week, two, a month from today. */
const EXPIRY_PICKS = [7, 14, 30] as const;

interface SendDraft extends MessageDraft {
  name: string;
}

export function SendSmsDialog({ recipients, onClose }: SendSmsDialogProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { settings } = useAppInfo();
  const staffId = useSession((s) => s.staffId);
  const titleId = useId();
  const nameId = useId();
  const offerId = useId();
  const expiryId = useId();
  const templateRef = useRef<HTMLTextAreaElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const today = todayBusinessDate();

  const [name, setName] = useState<string>(() => t('regulars.send.defaultName', { date: f.shortDate(today) }));
  const [template, setTemplate] = useState(settings.messaging.winbackTemplate);
  const [offer, setOffer] = useState('');
  const [offerExpiry, setOfferExpiry] = useState<string | null>(null);

  const memberIds = useMemo(() => recipients.map((r) => r.memberId), [recipients]);
  const draft: SendDraft = { memberIds, template, offer: offer.trim(), offerExpiry, name: name.trim() };
  const preview = useCampaignPreview({ memberIds, template, offer: offer.trim(), offerExpiry });

  const sender = useIdempotentCommit<SendDraft, CampaignSendResult>((d, idempotencyKey) =>
    api.call('campaigns.send', { idempotencyKey, staffId: staffId ?? '', name: d.name, memberIds: d.memberIds, template: d.template, offer: d.offer, offerExpiry: d.offerExpiry }),
  );
  const result = sender.result;
  // Quiet hours as the preview that was confirmed said.
  const [sentDuringQuiet, setSentDuringQuiet] = useState<string | null>(null);

  const canSend = !result && !sender.busy && staffId !== null && preview.current && (preview.preview?.sendable ?? 0) > 0 && template.trim() !== '';
  const confirm = async () => {
    if (!canSend) return;
    const quiet = preview.preview?.quietHoursNow ? preview.preview.sendFrom : null;
    const done = await sender.commit(draft);
    if (done) setSentDuringQuiet(quiet);
  };

  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);

  const close = () => {
    if (sender.busy) return;
    onClose(result !== null);
  };
  const dialog = useModalDialog(close, { returnFocus: true, onOpen: () => templateRef.current?.focus() });
  useShortcut(KEYS.pay, () => void confirm(), !result, { inDialog: true });

  const names = useMemo(() => new Map(recipients.map((r) => [r.memberId, r.name])), [recipients]);
  const sendable = preview.preview?.sendable ?? 0;

  return (
    <dialog {...dialog} className="dialog send-dialog" aria-labelledby={titleId}>
      <div className="dialog-inner">
        <DialogHead titleId={titleId} title={t('regulars.send.title')} meta={<span>{t('regulars.send.meta', { count: recipients.length })}</span>} onClose={close} />
        {result ? (
          <div className="dialog-body">
            <CampaignProgress result={result} nameOf={(id) => names.get(id) ?? id} sendFrom={sentDuringQuiet} />
          </div>
        ) : (
          <div className="dialog-body send-body">
            <div className="send-compose">
              <TemplateEditor
                label={t('regulars.send.template')}
                value={template}
                onValue={setTemplate}
                maxLength={TEMPLATE_MAX}
                error={template.trim() === '' ? t('regulars.send.templateRequired') : null}
                hint={t('regulars.send.templateHint', { count: template.length, max: TEMPLATE_MAX })}
                offer={{ text: offer, expiry: offerExpiry }}
                textareaRef={templateRef}
                rows={5}
              />
              <div className="send-offer-row">
                <TextField id={offerId} label={t('regulars.send.offer')} mark="optional" value={offer} onValue={setOffer} maxLength={100} placeholder={t('regulars.send.offerPlaceholder')} />
                <Field id={expiryId} label={t('regulars.send.expiry')} mark="optional">
                  <input
                    id={expiryId}
                    className="input num"
                    type="date"
                    min={today}
                    value={offerExpiry ?? ''}
                    onChange={(e) => setOfferExpiry(e.target.value || null)}
                  />
                  <span className="expiry-picks" role="group" aria-label={t('regulars.send.expiryPicks')}>
                    {EXPIRY_PICKS.map((days) => (
                      <button key={days} type="button" className="pick-chip" aria-pressed={offerExpiry === shiftDay(today, days)} onClick={() => setOfferExpiry(shiftDay(today, days))}>
                        {t('regulars.send.inDays', { count: days })}
                      </button>
                    ))}
                  </span>
                </Field>
              </div>
              <TextField id={nameId} label={t('regulars.send.name')} hint={t('regulars.send.nameHint')} value={name} onValue={setName} maxLength={60} />
            </div>
            <section className="send-preview" aria-label={t('regulars.preview.label')}>
              <h3 className="section-title">{t('regulars.preview.label')}</h3>
              <MessagePreviewList preview={preview.preview} current={preview.current} error={preview.error} onRetry={preview.reload} />
            </section>
          </div>
        )}

        {sender.error ? (
          <div className="dialog-error">
            <ErrorNotice error={sender.error} title={t('regulars.send.failed')} />
          </div>
        ) : null}

        {result ? (
          <DoneFoot label={t('regulars.progress.close')} onClose={close} buttonRef={doneRef} />
        ) : (
          <ConfirmFoot
            onCancel={close}
            busy={sender.busy}
            confirmLabel={sender.busy ? t('regulars.send.sending') : t('regulars.send.confirm', { count: sendable })}
            confirmDisabled={!canSend}
            onConfirm={() => void confirm()}
          />
        )}
      </div>
    </dialog>
  );
}
