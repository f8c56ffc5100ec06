/**
 * A bill in a modal dialog: lines (with what was refunded of each), member discount, payments by
 * method (stored value split into principal and bonus, points, cash tendered and change), and the
 * refunds made against it. Refund bills link back to their original. Esc or Close closes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill, Payment } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';

interface BillDialogProps {
  billId: string;
  memberId: string;
  onClose: () => void;
  onOpenBill: (billId: string) => void;
  /** Bill numbers by id from the member's history, to name the original of a refund. */
  billNos?: ReadonlyMap<string, string>;
}

function PaymentDetail({ payment }: { payment: Payment }) {
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

export function BillDialog({ billId, onClose, onOpenBill, billNos }: BillDialogProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [bill, setBill] = useState<Bill | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  useEffect(() => {
    let alive = true;
    setError(null);
    api
      .call('bills.get', { billId })
      .then((b) => {
        if (alive) setBill(b);
      })
      .catch((e: unknown) => {
        if (alive) setError(e);
      });
    return () => {
      alive = false;
    };
  }, [billId, attempt]);

  const shown = bill && bill.id === billId ? bill : null;
  const isRefund = shown?.kind === 'refund';
  const anyRefunded = shown ? shown.lines.some((l) => l.refundedQuantity > 0) : false;
  const title = shown ? (isRefund ? t('bill.refundTitle', { billNo: shown.billNo }) : t('bill.title', { billNo: shown.billNo })) : t('common.loading');

  return (
    <dialog
      ref={ref}
      className="dialog bill-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === e.currentTarget) {
          const r = e.currentTarget.getBoundingClientRect();
          if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) onClose();
        }
      }}
    >
      <div className="dialog-inner">
        <header className="dialog-head">
          <div>
            <h2 className="dialog-title num" id={titleId}>
              {title}
            </h2>
            {shown ? (
              <p className="dialog-meta">
                <span className={`badge ${isRefund ? 'badge-warn' : 'badge-quiet'}`}>{isRefund ? t('bill.refund') : t('bill.sale')}</span>
                <DateText iso={shown.createdAt} />
                <span>{t('bill.staffLine', { name: shown.staffName })}</span>
                <span>{t('bill.memberLine', { name: shown.memberName ?? t('bill.walkIn') })}</span>
              </p>
            ) : null}
          </div>
          <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label={t('common.close')}>
            <Icon name="close" />
          </button>
        </header>

        <div className="dialog-body">
          {error ? <ErrorNotice error={error} title={t('bill.loadFailed')} onRetry={() => setAttempt((n) => n + 1)} /> : null}
          {!shown && !error ? (
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          ) : null}
          {shown ? (
            <>
              {isRefund && shown.originalBillId ? (
                <p className="bill-origin">
                  <span>{t('bill.originalBill')}</span>
                  <button type="button" className={`link-button${billNos?.get(shown.originalBillId) ? ' num' : ''}`} onClick={() => onOpenBill(shown.originalBillId!)}>
                    {billNos?.get(shown.originalBillId) ?? t('history.billLink')}
                  </button>
                </p>
              ) : null}

              <h3 className="section-title">{t('bill.items')}</h3>
              <div className="table-wrap">
                <table className="table table-compact" aria-label={t('bill.items')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('bill.col.item')}</th>
                      <th scope="col" className="align-end">
                        {t('bill.col.unitPrice')}
                      </th>
                      <th scope="col" className="align-end">
                        {t('bill.col.quantity')}
                      </th>
                      <th scope="col" className="align-end">
                        {t('bill.col.gross')}
                      </th>
                      <th scope="col" className="align-end">
                        {t('bill.col.discount')}
                      </th>
                      <th scope="col" className="align-end">
                        {t('bill.col.net')}
                      </th>
                      {anyRefunded ? (
                        <th scope="col" className="align-end">
                          {t('bill.col.refunded')}
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {shown.lines.map((line) => (
                      <tr key={line.id}>
                        <td>{line.name}</td>
                        <td className="align-end">
                          <MoneyText minor={line.unitPriceMinor} />
                        </td>
                        <td className="align-end">
                          <NumberText value={line.quantity} />
                        </td>
                        <td className="align-end">
                          <MoneyText minor={line.grossMinor} />
                        </td>
                        <td className="align-end">
                          {line.discountMinor !== 0 ? <MoneyText minor={-line.discountMinor} /> : <span className="muted">{t('common.empty')}</span>}
                        </td>
                        <td className="align-end">
                          <MoneyText minor={line.netMinor} className="strong" />
                        </td>
                        {anyRefunded ? (
                          <td className="align-end">
                            {line.refundedQuantity > 0 ? (
                              <span className="is-loss">{t('bill.refundedLine', { quantity: f.number(line.refundedQuantity), amount: f.money(line.refundedMinor) })}</span>
                            ) : (
                              <span className="muted">{t('common.empty')}</span>
                            )}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>

              <div className="bill-bottom">
                <section className="bill-payments" aria-labelledby={`${titleId}-pay`}>
                  <h3 className="section-title" id={`${titleId}-pay`}>
                    {isRefund ? t('bill.refundedTo') : t('bill.payments')}
                  </h3>
                  <ul className="payment-list">
                    {shown.payments.map((p) => (
                      <li key={p.id} className="payment">
                        <span className="payment-method">
                          <span>{t(`payment.${p.method}`)}</span>
                          <PaymentDetail payment={p} />
                        </span>
                        <MoneyText minor={p.amountMinor} className="strong" />
                      </li>
                    ))}
                  </ul>
                </section>

                <dl className="bill-totals">
                  <div>
                    <dt>{t('bill.subtotal')}</dt>
                    <dd>
                      <MoneyText minor={shown.subtotalMinor} />
                    </dd>
                  </div>
                  {shown.discountMinor !== 0 ? (
                    <div>
                      <dt>{t('bill.tierDiscount', { rate: t('member.discountRate', { rate: f.discountRate(shown.tierDiscountBp) }) })}</dt>
                      <dd>
                        <MoneyText minor={-shown.discountMinor} />
                      </dd>
                    </div>
                  ) : null}
                  <div className="bill-total">
                    <dt>{t('bill.total')}</dt>
                    <dd>
                      <MoneyText minor={shown.totalMinor} />
                    </dd>
                  </div>
                  <div>
                    <dt>{isRefund ? t('bill.pointsTakenBack') : t('bill.pointsEarned')}</dt>
                    <dd>
                      <NumberText value={isRefund ? -shown.pointsEarned : shown.pointsEarned} />
                    </dd>
                  </div>
                  {shown.pointsReversalWaived > 0 ? (
                    <div>
                      <dt>{t('bill.pointsWaived')}</dt>
                      <dd>
                        <NumberText value={shown.pointsReversalWaived} />
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </div>

              {!isRefund ? (
                <section className="bill-refunds" aria-labelledby={`${titleId}-refunds`}>
                  <h3 className="section-title" id={`${titleId}-refunds`}>
                    {t('bill.refunds')}
                  </h3>
                  {shown.refunds.length === 0 ? (
                    <p className="muted">{t('bill.noRefunds')}</p>
                  ) : (
                    <ul className="refund-list">
                      {shown.refunds.map((r) => (
                        <li key={r.id} className="refund">
                          <button type="button" className="link-button num" onClick={() => onOpenBill(r.id)}>
                            {r.billNo}
                          </button>
                          <DateText iso={r.createdAt} className="muted" />
                          <span className="muted">{r.staffName}</span>
                          <MoneyText minor={r.totalMinor} className="strong" />
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ) : null}

              {shown.note ? (
                <p className="bill-note">
                  <strong>{t('bill.note')}</strong>
                  <span>{shown.note}</span>
                </p>
              ) : null}
            </>
          ) : null}
        </div>

        <footer className="dialog-foot">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
        </footer>
      </div>
    </dialog>
  );
}
