/**
 * The birthday greeting to the ticked members (`birthdays.greet`): the gift (points and/or bonus
 * stored value, the shop's defaults to start from) and an offer line for the message; confirmed once
 * with F9 (one idempotency key per greeting: a double press greets and gives once). Then what
 * happened: greeted, messages queued, and who was skipped and why.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSchema } from '../../../src-main/ledger/settings-schema.ts';
import type { BirthdayRow, GreetResult } from '../../../src-main/retention/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { ConfirmFoot, DoneFoot } from '../../components/DialogFoot.tsx';
import { DialogHead } from '../../components/DialogHead.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { useSession } from '../../stores/session.ts';
import { limitsOf } from '../settings/limits.ts';
import { parseWholeNumber } from '../settings/number-text.ts';
import { SkippedList } from './SkippedList.tsx';

interface GreetDialogProps {
  members: readonly BirthdayRow[];
  onClose: (greeted: boolean) => void;
}

interface GreetDraft {
  memberIds: string[];
  giftPoints: number;
  giftBonusMinor: number;
  offer: string;
}

const GIFT_POINTS = limitsOf(settingsSchema.shape.messaging.shape.birthdayGiftPoints);

export function GreetDialog({ members, onClose }: GreetDialogProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { settings } = useAppInfo();
  const staffId = useSession((s) => s.staffId);
  const titleId = useId();
  const pointsId = useId();
  const offerId = useId();
  const pointsRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const [pointsText, setPointsText] = useState(String(settings.messaging.birthdayGiftPoints));
  const [bonusMinor, setBonusMinor] = useState<number | null>(settings.messaging.birthdayGiftBonusMinor);
  const [offer, setOffer] = useState('');

  // Empty gives no points; anything else must be a whole number in the gift's range.
  const parsedPoints = pointsText.trim() === '' ? ({ ok: true, value: 0 } as const) : parseWholeNumber(pointsText, GIFT_POINTS.min, GIFT_POINTS.max);
  const points = parsedPoints.ok ? parsedPoints.value : null;
  const pointsError = points === null ? t('regulars.greet.pointsInvalid', { max: f.number(GIFT_POINTS.max) }) : null;

  const greeter = useIdempotentCommit<GreetDraft, GreetResult>((d, idempotencyKey) => api.call('birthdays.greet', { idempotencyKey, staffId: staffId ?? '', ...d }));
  const result = greeter.result;
  const ready = !result && !greeter.busy && staffId !== null && pointsError === null && points !== null && bonusMinor !== null;

  const confirm = async () => {
    if (!ready) return;
    await greeter.commit({ memberIds: members.map((m) => m.memberId), giftPoints: points, giftBonusMinor: bonusMinor, offer: offer.trim() });
  };
  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);

  const close = () => {
    if (!greeter.busy) onClose(result !== null);
  };
  const dialog = useModalDialog(close, { returnFocus: true, onOpen: () => pointsRef.current?.select() });
  useShortcut(KEYS.pay, () => void confirm(), !result, { inDialog: true });
  const names = useMemo(() => new Map(members.map((m) => [m.memberId, m.name])), [members]);
  const cannot = members.filter((m) => !m.canMessage);

  return (
    <dialog {...dialog} className="dialog confirm-dialog greet-dialog" aria-labelledby={titleId}>
      <div className="dialog-inner">
        <DialogHead titleId={titleId} title={t('regulars.greet.title')} meta={<span>{t('regulars.greet.meta', { count: members.length, names: members.slice(0, 5).map((m) => m.name).join(t('regulars.greet.nameSeparator')) })}</span>} onClose={close} />
        <div className="dialog-body confirm-body">
          {result ? (
            <div className="greet-result" role="status">
              <p className="progress-queued">
                <Icon name="check" className="is-gain" />
                <span>{t('regulars.greet.greeted', { count: result.greeted })}</span>
              </p>
              <p>{t('regulars.greet.queued', { count: result.messagesQueued })}</p>
              {result.replayed ? <p className="muted">{t('regulars.progress.replayed')}</p> : null}
              <SkippedList
                title={t('regulars.greet.skipped', { count: result.skipped.length })}
                rows={result.skipped.map((s) => ({ memberId: s.memberId, name: names.get(s.memberId) ?? s.memberId, reason: t(`regulars.greetSkip.${s.reason}`) }))}
              />
            </div>
          ) : (
            <>
              <div className="greet-gift">
                <TextField
                  id={pointsId}
                  inputRef={pointsRef}
                  label={t('regulars.greet.points')}
                  inputClassName="num"
                  inputMode="numeric"
                  value={pointsText}
                  onValue={setPointsText}
                  maxLength={7}
                  affix={t('regulars.greet.pointsUnit')}
                  error={pointsError}
                />
                <MoneyInput label={t('regulars.greet.bonus')} valueMinor={bonusMinor} onChangeMinor={setBonusMinor} hint={t('regulars.greet.bonusHint')} />
              </div>
              <TextField id={offerId} label={t('regulars.greet.offer')} mark="optional" value={offer} onValue={setOffer} maxLength={100} placeholder={t('regulars.greet.offerPlaceholder')} />
              <div className="greet-template">
                <p className="field-label">{t('regulars.greet.template')}</p>
                <p className="sms-bubble">{settings.messaging.birthdayTemplate}</p>
                <p className="field-hint">{t('regulars.greet.templateHint')}</p>
                {settings.messaging.birthdayTemplate.includes('{offer}') && offer.trim() === '' ? <p className="field-warn">{t('retention.template.offerEmpty')}</p> : null}
              </div>
              {points !== null && bonusMinor !== null && (points > 0 || bonusMinor > 0) ? (
                <p className="greet-total">
                  {t(points > 0 && bonusMinor > 0 ? 'regulars.greet.giftBoth' : points > 0 ? 'regulars.greet.giftPoints' : 'regulars.greet.giftBonus', {
                    count: members.length,
                    points: f.number(points * members.length),
                    bonus: f.money(bonusMinor * members.length),
                  })}
                </p>
              ) : null}
              {cannot.length > 0 ? <p className="muted">{t('regulars.greet.noMessage', { count: cannot.length })}</p> : null}
            </>
          )}
          {greeter.error ? <ErrorNotice error={greeter.error} title={t('regulars.greet.failed')} /> : null}
        </div>
        {result ? (
          <DoneFoot label={t('regulars.progress.close')} onClose={close} buttonRef={doneRef} />
        ) : (
          <ConfirmFoot
            onCancel={close}
            busy={greeter.busy}
            confirmLabel={greeter.busy ? t('regulars.greet.confirming') : t('regulars.greet.confirm', { count: members.length })}
            confirmDisabled={!ready}
            onConfirm={() => void confirm()}
          />
        )}
      </div>
    </dialog>
  );
}
