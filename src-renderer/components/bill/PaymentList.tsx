/**
 * A bill's payments as a receipt lists them: method and amount, with what the amount was made of
 * (stored value split into principal and bonus, points used or returned, cash tendered and change).
 */
import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../src-main/ledger/types.ts';
import { useFormat } from '../format.ts';
import { MoneyText } from '../MoneyText.tsx';

export function PaymentDetail({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (payment.method === 'stored_value') {
    return <span className="sub">{t('bill.svSplit', { principal: f.money(payment.principalMinor), bonus: f.money(payment.bonusMinor) })}</span>;
  }
  if (payment.method === 'points' && payment.points !== 0) {
    return (
      <span className="sub">
        {payment.points > 0 ? t('bill.pointsUsed', { points: f.number(payment.points) }) : t('bill.pointsReturned', { points: f.number(-payment.points) })}
      </span>
    );
  }
  if (payment.method === 'cash' && payment.tenderedMinor !== null) {
    return <span className="sub">{t('bill.cashTendered', { tendered: f.money(payment.tenderedMinor), change: f.money(payment.changeMinor ?? 0) })}</span>;
  }
  return null;
}

export function PaymentList({ payments, label }: { payments: readonly Payment[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="pay-list" aria-label={label}>
      {payments.map((p) => (
        <li key={p.id} className="pay-row">
          <span className="pay-method">
            <span>{t(`payment.${p.method}`)}</span>
            <PaymentDetail payment={p} />
          </span>
          <MoneyText minor={p.amountMinor} className="strong" />
        </li>
      ))}
    </ul>
  );
}
