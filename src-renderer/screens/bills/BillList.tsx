/**
 * The day's bills, newest first, as a listbox the cashier walks with ↑/↓ (Home/End) and opens with
 * Enter: time, bill number, member or walk-in, staff, refund state, total. The list itself holds the
 * focus; the highlighted row is its active descendant.
 */
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { forwardRef, useEffect, useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillSummary } from '../../../src-main/ledger/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { refundState } from './refund-state.ts';

interface BillListProps {
  bills: readonly BillSummary[];
  label: string;
  highlight: number;
  onHighlight: (index: number) => void;
  openId: string | null;
  onOpen: (bill: BillSummary) => void;
}

/** The clock time of a bill on its day (the day itself is in the header). */
function timeOf(iso: string): string {
  return format(parseISO(iso), 'HH:mm');
}

export const BillList = forwardRef<HTMLUListElement, BillListProps>(function BillList({ bills, label, highlight, onHighlight, openId, onOpen }, ref) {
  const { t } = useTranslation();
  const f = useFormat();
  const listId = useId();
  const optionId = (b: BillSummary) => `${listId}-${b.id}`;
  const current = bills[Math.min(highlight, bills.length - 1)];
  const billNos = new Map(bills.map((b) => [b.id, b.billNo]));

  useEffect(() => {
    if (current) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current?.id]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Enter' && current) {
      event.preventDefault();
      onOpen(current);
    } else if (event.key === 'Home') {
      event.preventDefault();
      onHighlight(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      onHighlight(bills.length - 1);
    }
  };

  return (
    <div className="bill-list-wrap">
      <div className="bill-row bill-list-head" aria-hidden="true">
        <span>{t('bills.list.col.time')}</span>
        <span>{t('bills.list.col.billNo')}</span>
        <span>{t('bills.list.col.customer')}</span>
        <span>{t('bills.list.col.staff')}</span>
        <span />
        <span className="align-end">{t('bills.list.col.total')}</span>
      </div>
      <ul
        ref={ref}
        id={listId}
        className="bill-list"
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={current ? optionId(current) : undefined}
        onKeyDown={onKeyDown}
      >
        {bills.map((b, i) => {
          const state = refundState(b);
          const customer = b.memberName ?? t('bill.walkIn');
          const status = b.kind === 'refund' ? t('bill.refund') : state === 'all' ? t('bills.list.refundedAll') : state === 'part' ? t('bills.list.refundedPart') : '';
          const base = t('bills.list.rowLabel', { time: timeOf(b.createdAt), billNo: b.billNo, customer, total: f.money(b.totalMinor) });
          const originalNo = b.originalBillId ? billNos.get(b.originalBillId) : undefined;
          return (
            <li
              key={b.id}
              id={optionId(b)}
              role="option"
              aria-selected={b === current}
              aria-label={status ? t('bills.list.rowStatus', { label: base, status }) : base}
              className={`bill-row${b === current ? ' is-active' : ''}${b.id === openId ? ' is-open' : ''}${b.kind === 'refund' ? ' is-refund' : ''}`}
              onClick={() => {
                onHighlight(i);
                onOpen(b);
              }}
            >
              <time className="bill-time" dateTime={b.createdAt}>
                {timeOf(b.createdAt)}
              </time>
              <span className="bill-no">
                <span className="num">{b.billNo}</span>
                {originalNo ? <span className="sub num">{t('bills.list.refundOf', { billNo: originalNo })}</span> : null}
              </span>
              <span className={`bill-customer${b.memberName ? '' : ' muted'}`}>{customer}</span>
              <span className="bill-staff">{b.staffName}</span>
              <span className="bill-status">
                {status ? <span className={`badge ${b.kind === 'refund' ? 'badge-warn' : state === 'all' ? 'badge-danger' : 'badge-quiet'}`}>{status}</span> : null}
              </span>
              <MoneyText minor={b.totalMinor} className={`bill-total${b.totalMinor < 0 ? ' is-loss' : ''}`} />
            </li>
          );
        })}
      </ul>
    </div>
  );
});
