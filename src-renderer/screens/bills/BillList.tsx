/**
 * The day's bills, newest first, as a listbox the cashier walks with ↑/↓ (Home/End) and opens with
 * Enter: time, bill number, member or walk-in, staff, refund state, total. The list itself holds the
 * focus; the highlighted row is its active descendant. The screen owns the highlight (`nav`, from
 * useBillNavigation), since ↑/↓ move it from anywhere on the screen.
 */
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { forwardRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillSummary } from '../../../src-main/ledger/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useListNavigation, type ListNavigation } from '../../components/use-list-navigation.ts';
import { BILL_KEYS } from './keys.ts';
import { refundState } from './refund-state.ts';

/** PgUp/PgDn turn the day on this screen (BILL_KEYS), so the list leaves them to the screen. */
const DAY_KEYS: readonly string[] = [...BILL_KEYS.prevDay.keys, ...BILL_KEYS.nextDay.keys];

const optionId = (listId: string, bill: BillSummary) => `${listId}-${bill.id}`;

/** The highlight of the list with the element id `listId`: ↑/↓, Home/End, and Enter opens the bill. */
export function useBillNavigation(listId: string, bills: readonly BillSummary[], onOpen: (bill: BillSummary) => void): ListNavigation {
  return useListNavigation({ count: bills.length, optionId: (i) => optionId(listId, bills[i]!), homeEnd: true, onOpen: (i) => onOpen(bills[i]!) });
}

interface BillListProps {
  id: string;
  bills: readonly BillSummary[];
  label: string;
  /** From useBillNavigation over the same bills and id. */
  nav: ListNavigation;
  openId: string | null;
  onOpen: (bill: BillSummary) => void;
}

/** The clock time of a bill on its day (the day itself is in the header). */
function timeOf(iso: string): string {
  return format(parseISO(iso), 'HH:mm');
}

export const BillList = forwardRef<HTMLUListElement, BillListProps>(function BillList({ id, bills, label, nav, openId, onOpen }, ref) {
  const { t } = useTranslation();
  const f = useFormat();
  const billNos = new Map(bills.map((b) => [b.id, b.billNo]));

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!DAY_KEYS.includes(event.key)) nav.onKeyDown(event);
  };

  return (
    <>
      <div className="row-list-row row-list-head bill-row bill-list-head" aria-hidden="true">
        <span>{t('bills.list.col.time')}</span>
        <span>{t('bills.list.col.billNo')}</span>
        <span>{t('bills.list.col.customer')}</span>
        <span>{t('bills.list.col.staff')}</span>
        <span />
        <span className="align-end">{t('bills.list.col.total')}</span>
      </div>
      <ul ref={ref} id={id} className="row-list-body bill-list" role="listbox" tabIndex={0} aria-label={label} aria-activedescendant={nav.activeId} onKeyDown={onKeyDown}>
        {bills.map((b, i) => {
          const active = i === nav.index;
          const state = refundState(b);
          const customer = b.memberName ?? t('bill.walkIn');
          const status = b.kind === 'refund' ? t('bill.refund') : state === 'all' ? t('bills.list.refundedAll') : state === 'part' ? t('bills.list.refundedPart') : '';
          const base = t('bills.list.rowLabel', { time: timeOf(b.createdAt), billNo: b.billNo, customer, total: f.money(b.totalMinor) });
          const originalNo = b.originalBillId ? billNos.get(b.originalBillId) : undefined;
          return (
            <li
              key={b.id}
              id={optionId(id, b)}
              role="option"
              aria-selected={active}
              aria-label={status ? t('bills.list.rowStatus', { label: base, status }) : base}
              className={`row-list-row bill-row${active ? ' is-active' : ''}${b.id === openId ? ' is-open' : ''}${b.kind === 'refund' ? ' is-refund' : ''}`}
              onClick={() => {
                nav.setHighlight(i);
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
    </>
  );
});
