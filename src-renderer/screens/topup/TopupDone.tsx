/**
 * The top-up went through: what was credited and the member's balance after it, as the ledger
 * answered (principal and bonus apart, and their total), and where its receipt and e-bill stand.
 * Ctrl+P prints the receipt (again); Enter or F4 starts the next top-up.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivered } from '../../../src-main/api/contract.ts';
import type { TopupResult } from '../../../src-main/ledger/types.ts';
import { KEYS } from '../../app/shortcuts.ts';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { DeliveryStatus } from '../../components/receipt/DeliveryStatus.tsx';
import { useDoneReceipt } from '../../components/receipt/use-done-receipt.ts';
import { AmountRow } from './AmountRow.tsx';

export function TopupDone({ result, onNext }: { result: TopupResult & Delivered; onNext: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const nextRef = useRef<HTMLButtonElement>(null);
  const { topup, member } = result;
  const printer = useDoneReceipt({ topupId: topup.id }, result.delivery, { keepFocus: nextRef });

  useEffect(() => nextRef.current?.focus(), []);

  // F4 is also the frame's "go to top-up", which does nothing when already here: take it first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== KEYS.topup || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      onNext();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onNext]);

  return (
    <section className="card topup-done" aria-labelledby={titleId}>
      <div className="topup-done-head" role="status">
        <span className="topup-done-icon" aria-hidden="true">
          <Icon name="check" size={28} />
        </span>
        <div>
          <h2 className="topup-done-title" id={titleId}>
            {t('topup.done.title')}
          </h2>
          <p className="topup-done-summary">
            {t('topup.done.summary', { name: member.name, principal: f.money(topup.principalMinor), bonus: f.money(topup.bonusMinor), method: t(`payment.${topup.method}`) })}
          </p>
          {result.replayed ? <p className="topup-done-replayed">{t('topup.done.replayed')}</p> : null}
        </div>
      </div>

      <h3 className="topup-label">{t('topup.done.newBalance')}</h3>
      <div className="topup-figures">
        <AmountRow label={t('topup.done.principal')} minor={member.balancePrincipalMinor} note={t('topup.done.added', { amount: f.money(topup.principalMinor) })} className="topup-figure" />
        <AmountRow label={t('topup.done.bonus')} minor={member.balanceBonusMinor} note={t('topup.done.added', { amount: f.money(topup.bonusMinor) })} className="topup-figure" />
        <AmountRow label={t('topup.done.total')} minor={member.balancePrincipalMinor + member.balanceBonusMinor} className="topup-figure is-main" />
      </div>

      <div className="topup-done-actions">
        <button type="button" className="btn btn-large" onClick={printer.print} aria-keyshortcuts="Control+P">
          <Icon name="print" />
          {t('receipt.print')}
          <kbd className="kbd" aria-hidden="true">
            Ctrl+P
          </kbd>
        </button>
        <button ref={nextRef} type="button" className="btn btn-primary btn-large" onClick={onNext} aria-keyshortcuts={`Enter ${KEYS.topup}`}>
          {t('topup.done.next')}
          <kbd className="kbd" aria-hidden="true">
            Enter
          </kbd>
          <kbd className="kbd" aria-hidden="true">
            {KEYS.topup}
          </kbd>
        </button>
      </div>
      <DeliveryStatus printer={printer} delivery={result.delivery} phone={member.phone} />
    </section>
  );
}
