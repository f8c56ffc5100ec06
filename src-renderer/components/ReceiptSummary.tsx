/**
 * A bill as its printed receipt says it: shop, bill number and time, the lines (name × quantity, net,
 * and what was refunded of each), subtotal, member discount, total, how it was paid, and for a member
 * the points and (when the caller knows them, right after the sale) the balances after. Used by the
 * checkout after a sale, by bill history and by the member page's bill dialog; `PrintableReceipt`
 * puts the same receipt where the print stylesheet prints it.
 */
import { useId, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Bill, BillLine, MemberSummary } from '../../src-main/ledger/types.ts';
import { useAppInfo } from '../app/app-info.ts';
import { PaymentList } from './bill/PaymentList.tsx';
import { DateText } from './DateText.tsx';
import { useFormat } from './format.ts';
import { MoneyText, NumberText } from './MoneyText.tsx';

export interface ReceiptSummaryProps {
  bill: Bill;
  /** The member as they stand after this bill (checkout knows it): adds the balances after. */
  member?: MemberSummary | null;
  /** Change to hand back, shown large (checkout, right after a cash sale). */
  changeMinor?: number;
}

function Row({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={`receipt-row${className ? ` ${className}` : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ReceiptLine({ line }: { line: BillLine }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li className="receipt-line">
      <span className="receipt-line-name">
        {line.name}
        <span className="receipt-line-qty num">{t('bills.receipt.lineQuantity', { quantity: f.number(line.quantity) })}</span>
      </span>
      <MoneyText minor={line.netMinor} className="receipt-line-net" />
      <span className="receipt-line-detail">
        {t('bills.receipt.unitLine', { price: f.money(line.unitPriceMinor), quantity: f.number(line.quantity) })}
        {line.discountMinor !== 0 ? ` · ${t('bills.receipt.lineDiscount', { amount: f.money(-line.discountMinor) })}` : ''}
      </span>
      {line.refundedQuantity > 0 ? (
        <span className="receipt-line-refunded is-loss">
          {t('bills.receipt.refunded', { quantity: f.number(line.refundedQuantity), amount: f.money(line.refundedMinor) })}
        </span>
      ) : null}
    </li>
  );
}

export function ReceiptSummary({ bill, member, changeMinor }: ReceiptSummaryProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { settings } = useAppInfo();
  const payId = useId();
  const isRefund = bill.kind === 'refund';
  const title = isRefund ? t('bill.refundTitle', { billNo: bill.billNo }) : t('bill.title', { billNo: bill.billNo });
  const paymentsLabel = isRefund ? t('bill.refundedTo') : t('bill.payments');

  return (
    <article className={`receipt${isRefund ? ' is-refund' : ''}`} aria-label={title}>
      <header className="receipt-head">
        <p className="receipt-shop">{settings.shopName}</p>
        <p className="receipt-kind">{isRefund ? t('bill.refund') : t('bill.sale')}</p>
      </header>

      <dl className="receipt-meta">
        <Row label={t('history.col.billNo')}>
          <span className="num">{bill.billNo}</span>
        </Row>
        <Row label={t('history.col.time')}>
          <DateText iso={bill.createdAt} />
        </Row>
        <Row label={t('history.col.staff')}>{bill.staffName}</Row>
        <Row label={t('bills.receipt.customer')}>{bill.memberName ?? t('bill.walkIn')}</Row>
      </dl>

      <ul className="receipt-lines" aria-label={t('bill.items')}>
        {bill.lines.map((line) => (
          <ReceiptLine key={line.id} line={line} />
        ))}
      </ul>

      <dl className="receipt-totals">
        <Row label={t('bill.subtotal')}>
          <MoneyText minor={bill.subtotalMinor} />
        </Row>
        {bill.discountMinor !== 0 ? (
          <Row label={t('bill.tierDiscount', { rate: t('member.discountRate', { rate: f.discountRate(bill.tierDiscountBp) }) })}>
            <MoneyText minor={-bill.discountMinor} />
          </Row>
        ) : null}
        <Row label={t('bill.total')} className="receipt-total">
          <MoneyText minor={bill.totalMinor} />
        </Row>
      </dl>

      <section className="receipt-payments" aria-labelledby={payId}>
        <h3 className="receipt-section" id={payId}>
          {paymentsLabel}
        </h3>
        <PaymentList payments={bill.payments} label={paymentsLabel} />
        {changeMinor !== undefined && changeMinor > 0 ? (
          <dl className="receipt-change">
            <Row label={t('bills.receipt.change')}>
              <MoneyText minor={changeMinor} />
            </Row>
          </dl>
        ) : null}
      </section>

      {bill.memberId ? (
        <dl className="receipt-points">
          <Row label={isRefund ? t('bill.pointsTakenBack') : t('bill.pointsEarned')}>
            {/* `0 - x`: a refund that took back nothing must read 0, not -0. */}
            <NumberText value={isRefund ? 0 - bill.pointsEarned : bill.pointsEarned} />
          </Row>
          {bill.pointsReversalWaived > 0 ? (
            <Row label={t('bill.pointsWaived')}>
              <NumberText value={bill.pointsReversalWaived} />
            </Row>
          ) : null}
          {member ? (
            <>
              <Row label={t('bills.receipt.storedValueAfter')} className="receipt-after">
                <MoneyText minor={member.balancePrincipalMinor + member.balanceBonusMinor} />
                <span className="sub">{t('bill.svSplit', { principal: f.money(member.balancePrincipalMinor), bonus: f.money(member.balanceBonusMinor) })}</span>
              </Row>
              <Row label={t('bills.receipt.pointsAfter')}>
                <NumberText value={member.points} />
              </Row>
            </>
          ) : null}
        </dl>
      ) : null}

      {bill.note ? (
        <p className="receipt-note">
          <strong>{t('bill.note')}</strong>
          <span>{bill.note}</span>
        </p>
      ) : null}

      <p className="receipt-thanks">{t('bills.receipt.thanks')}</p>
    </article>
  );
}

/**
 * The same receipt, outside the app's layout, for window.print(): the print stylesheet hides the app
 * and prints only this, narrow like a till roll. Invisible on screen (and to screen readers).
 */
export function PrintableReceipt(props: ReceiptSummaryProps) {
  return createPortal(
    <div className="receipt-print" aria-hidden="true">
      <ReceiptSummary {...props} />
    </div>,
    document.body,
  );
}
