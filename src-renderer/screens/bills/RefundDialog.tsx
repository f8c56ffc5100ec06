/**
 * Refund some lines of a sale, or all that is left. The cashier chooses quantities (↑/↓, +/−, or A for
 * all remaining), sees the ledger's preview refresh, and confirms with F9. One idempotency key per
 * opening of the dialog, so a second press of confirm (or a retry after a lost answer) can never make
 * a second refund; a new key only once the ledger has refused a different request outright.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivered } from '../../../src-main/api/contract.ts';
import type { Bill, RefundResult } from '../../../src-main/ledger/types.ts';
import { api, ApiCallError } from '../../api.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { ConfirmFoot, DoneFoot } from '../../components/DialogFoot.tsx';
import { DialogHead } from '../../components/DialogHead.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { useSession } from '../../stores/session.ts';
import { BILL_KEYS, useKeys } from './keys.ts';
import { RefundDone } from './RefundDone.tsx';
import { leftOf, RefundLines, type RefundLinesHandle } from './RefundLines.tsx';
import { RefundPreviewView } from './RefundPreviewView.tsx';
import { choiceKey, useRefundPreview, type RefundChoice } from './use-refund-preview.ts';

interface RefundDialogProps {
  bill: Bill;
  /** `refunded` is true once a refund was made (the bill and the day need reloading). */
  onClose: (refunded: boolean) => void;
}

export function RefundDialog({ bill, onClose }: RefundDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const reasonId = useId();
  const staffId = useSession((s) => s.staffId);
  const linesRef = useRef<RefundLinesHandle>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);

  const [quantities, setQuantities] = useState<ReadonlyMap<string, number>>(new Map());
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [result, setResult] = useState<(RefundResult & Delivered) | null>(null);

  const [firstKey] = useState(() => crypto.randomUUID());
  const idempotencyKey = useRef(firstKey);
  const inFlight = useRef(false);
  const lastRefused = useRef<string | null>(null);

  const choice = useMemo<RefundChoice[]>(
    () => bill.lines.flatMap((l) => ((quantities.get(l.id) ?? 0) > 0 ? [{ lineId: l.id, quantity: quantities.get(l.id)! }] : [])),
    [bill.lines, quantities],
  );
  const previewState = useRefundPreview(bill.id, choice);
  const ready = previewState.preview !== null && !submitting && !result && staffId !== null;

  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);

  const setQuantity = (lineId: string, quantity: number) =>
    setQuantities((q) => {
      const next = new Map(q);
      next.set(lineId, quantity);
      return next;
    });

  const allRemaining = () => {
    if (result || submitting) return;
    setQuantities(new Map(bill.lines.map((l) => [l.id, leftOf(l)])));
  };

  const confirm = async () => {
    if (inFlight.current || !ready || !staffId) return;
    const request = `${choiceKey(choice)}|${reason.trim()}`;
    // The ledger refused an earlier, different request: this is a new intended action.
    if (lastRefused.current !== null && lastRefused.current !== request) idempotencyKey.current = crypto.randomUUID();
    inFlight.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      setResult(await api.call('bills.refund', { idempotencyKey: idempotencyKey.current, staffId, billId: bill.id, lines: choice, reason: reason.trim() }));
    } catch (e) {
      setSubmitError(e);
      // No answer at all: the refund may have happened, so a retry must reuse the key.
      lastRefused.current = e instanceof ApiCallError && e.code !== 'NETWORK' ? request : null;
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const close = () => {
    if (inFlight.current) return;
    onClose(result !== null);
  };
  const dialog = useModalDialog(close, { onOpen: () => linesRef.current?.focusFirst() });

  useShortcut(KEYS.pay, () => void confirm(), true, { inDialog: true });
  useKeys(BILL_KEYS.allRemaining.keys, allRemaining, !result, { inDialog: true, inFields: (el) => el instanceof HTMLInputElement && el.type === 'number' });

  return (
    <dialog {...dialog} className="dialog refund-dialog" aria-labelledby={titleId}>
      <div className="dialog-inner">
        <DialogHead
          titleId={titleId}
          title={t('bills.refund.title', { billNo: bill.billNo })}
          meta={<span>{bill.memberName ? t('bill.memberLine', { name: bill.memberName }) : t('bill.walkIn')}</span>}
          onClose={close}
        />

        {result ? (
          <div className="dialog-body">
            <RefundDone result={result} keepFocus={doneRef} />
          </div>
        ) : (
          <div className="dialog-body refund-body">
            <div className="refund-choose">
              <RefundLines ref={linesRef} lines={bill.lines} quantities={quantities} onQuantity={setQuantity} preview={previewState.preview} onDone={() => confirmRef.current?.focus()} />
              <div className="refund-tools">
                <button type="button" className="btn" onClick={allRemaining} aria-keyshortcuts={BILL_KEYS.allRemaining.aria}>
                  {t('bills.refund.allRemaining')}
                  <kbd className="kbd" aria-hidden="true">
                    {BILL_KEYS.allRemaining.label}
                  </kbd>
                </button>
                <span className="refund-keys" aria-hidden="true">
                  {t('bills.refund.keysHint')}
                </span>
              </div>
              <TextField
                id={reasonId}
                label={t('bills.refund.reason')}
                value={reason}
                onValue={setReason}
                maxLength={200}
                placeholder={t('bills.refund.reasonPlaceholder')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    confirmRef.current?.focus();
                  }
                }}
              />
            </div>
            <RefundPreviewView state={previewState} isMemberBill={bill.memberId !== null} />
          </div>
        )}

        {submitError ? (
          <div className="refund-error">
            <ErrorNotice error={submitError} title={t('bills.refund.failed')} />
          </div>
        ) : null}

        {result ? (
          <DoneFoot label={t('bills.refund.done')} onClose={close} buttonRef={doneRef} />
        ) : (
          <ConfirmFoot
            onCancel={close}
            busy={submitting}
            confirmLabel={submitting ? t('bills.refund.confirming') : t('bills.refund.confirm')}
            confirmDisabled={!ready}
            onConfirm={() => void confirm()}
            confirmRef={confirmRef}
          />
        )}
      </div>
    </dialog>
  );
}
