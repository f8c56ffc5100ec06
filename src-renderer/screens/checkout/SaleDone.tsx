/**
 * After the payment: the change to hand back in large figures, the receipt as it would print, the
 * member's balances after, where the printed receipt and the e-bill stand — and Enter starts the next
 * sale (the focus is already on that button, and nothing here takes it away).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src-main/api/contract.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { DeliveryStatus } from '../../components/receipt/DeliveryStatus.tsx';
import { useDoneReceipt } from '../../components/receipt/use-done-receipt.ts';
import { PrintableReceipt, ReceiptSummary } from '../../components/ReceiptSummary.tsx';
import { Term } from './Term.tsx';

const DOUBLE_PRESS_MS = 500;

export function SaleDone({ result, onNext }: { result: OutputOf<'checkout.commit'>; onNext: () => void }) {
  const { t } = useTranslation();
  const next = useRef<HTMLButtonElement>(null);
  const shownAt = useRef(performance.now());
  const { bill, member, changeMinor } = result;
  const printer = useDoneReceipt({ billId: bill.id }, result.delivery, { keepFocus: next, printOnScreen: () => window.print() });

  // A confirm key pressed twice must not also skip this screen: the change to hand back would vanish
  // before anyone read it. A press this soon after the sale is the second half of a double press.
  const startNext = () => {
    if (performance.now() - shownAt.current < DOUBLE_PRESS_MS) return;
    onNext();
  };

  useEffect(() => {
    next.current?.focus();
  }, []);

  return (
    <div className="screen checkout checkout-done">
      <section className="card done-main" aria-labelledby="sale-done-title">
        <div className="done-badge" aria-hidden="true">
          <Icon name="check" size={34} />
        </div>
        <h1 className="done-title" id="sale-done-title">
          {t('checkout.doneTitle')}
        </h1>
        {result.replayed ? <p className="notice">{t('checkout.replayed')}</p> : null}
        <dl className="done-figures">
          <Term className="done-figure" label={t('checkout.total')}>
            <MoneyText minor={bill.totalMinor} />
          </Term>
          {changeMinor > 0 ? (
            <Term className="done-figure is-change" label={t('checkout.doneChange')}>
              <MoneyText minor={changeMinor} />
            </Term>
          ) : null}
          {member ? (
            <>
              <Term className="done-figure" label={t('checkout.balanceAfter')}>
                <MoneyText minor={member.balancePrincipalMinor + member.balanceBonusMinor} />
              </Term>
              <Term className="done-figure" label={t('checkout.pointsAfter')}>
                <NumberText value={member.points} />
              </Term>
            </>
          ) : null}
        </dl>
        <div className="done-actions">
          <button type="button" className="btn btn-large" onClick={printer.print} aria-keyshortcuts="Control+P">
            <Icon name="print" />
            {t('checkout.print')}
            <kbd className="kbd" aria-hidden="true">
              Ctrl+P
            </kbd>
          </button>
          <button ref={next} type="button" className="btn btn-primary btn-large" onClick={startNext} aria-keyshortcuts="Enter">
            {t('checkout.nextSale')}
            <kbd className="kbd" aria-hidden="true">
              Enter
            </kbd>
          </button>
        </div>
        <DeliveryStatus printer={printer} delivery={result.delivery} phone={member?.phone} />
      </section>
      <aside className="done-receipt">
        <ReceiptSummary bill={bill} member={member} changeMinor={changeMinor} />
      </aside>
      <PrintableReceipt bill={bill} member={member} changeMinor={changeMinor} />
    </div>
  );
}
