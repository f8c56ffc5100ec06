/**
 * Bill history (`#/bills?date=YYYY-MM-DD&bill=<id>`): one business day at a time (today unless the
 * address says otherwise), its totals, its bills newest first, and the bill opened beside the list
 * with reprint and refund. Keyboard first: ↑/↓ and Enter in the list, PgUp/PgDn (or ←/→) for the day,
 * T for today, D to type a date, P to reprint, R to refund, Esc to close the bill.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill, BillSummary } from '../../../src-main/ledger/types.ts';
import { navigate, paths } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { BillList, useBillNavigation } from './BillList.tsx';
import { BillPanel } from './BillPanel.tsx';
import { shiftDay, todayBusinessDate } from './dates.ts';
import { DayHeader } from './DayHeader.tsx';
import { DayTotals } from './DayTotals.tsx';
import { BILL_KEYS, isFormField, useKeys } from './keys.ts';
import { DAY_LIMIT, useDayBills } from './use-day-bills.ts';

const NO_BILLS: readonly BillSummary[] = [];

export function BillsScreen({ date, billId }: { date: string | null; billId: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = todayBusinessDate();
  const day = date && date <= today ? date : today;
  const dayBills = useDayBills(day);
  const { bills, summary } = dayBills;
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);

  const go = useCallback(
    (nextDay: string, nextBillId: string | null = null) => navigate(paths.bills({ date: nextDay === today ? null : nextDay, billId: nextBillId }), { replace: true }),
    [today],
  );

  const focusList = () => {
    if (listRef.current) listRef.current.focus();
    else headingRef.current?.focus();
  };

  const open = (bill: BillSummary) => go(day, bill.id);
  const nav = useBillNavigation(listId, bills ?? NO_BILLS, open);

  // The highlight stays on its bill, not its place: a reload after a refund puts the new refund bill
  // at the top. A new day starts at the open bill, or at its newest. (Before paint: no flash of the
  // wrong row.)
  const highlightedId = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!bills) return;
    const kept = bills.findIndex((b) => b.id === highlightedId.current);
    const opened = bills.findIndex((b) => b.id === billId);
    nav.setHighlight(kept >= 0 ? kept : Math.max(opened, 0));
  }, [bills]);
  // Notes the highlighted bill after each render. Layout effects run before passive ones, so when the
  // list changes the effect above still reads the bill highlighted before it.
  useEffect(() => {
    highlightedId.current = bills?.[nav.index]?.id ?? null;
  });

  // A new day starts with the focus in the list, unless the cashier is still in the date field or an
  // open bill already took the focus.
  useEffect(() => {
    if (!bills) return;
    const active = document.activeElement;
    if (!active || active === document.body || (!billId && !isFormField(active))) focusList();
  }, [dayBills.day, bills === null]);

  const close = () => {
    go(day);
    requestAnimationFrame(focusList);
  };
  // A bill opened from a link (a refund's original, say) may be of another day: follow it there.
  const onLoaded = (bill: Bill) => {
    if (bill.businessDate !== day) go(bill.businessDate, bill.id);
  };

  const move = (by: number) => {
    if (!bills || bills.length === 0) return;
    nav.setHighlight(Math.min(Math.max(nav.index + by, 0), bills.length - 1));
    listRef.current?.focus();
  };

  useKeys(BILL_KEYS.prevDay.keys, () => go(shiftDay(day, -1)));
  useKeys(BILL_KEYS.nextDay.keys, () => {
    if (day < today) go(shiftDay(day, 1));
  });
  useKeys(BILL_KEYS.today.keys, () => go(today));
  useKeys(BILL_KEYS.date.keys, () => dateRef.current?.focus());
  useKeys(['ArrowUp', 'ArrowDown'], (e) => move(e.key === 'ArrowUp' ? -1 : 1));

  const billNos = new Map((bills ?? []).map((b) => [b.id, b.billNo]));
  const openSummary = billId ? bills?.find((b) => b.id === billId) : undefined;
  const listLabel = t('bills.list.label', { date: f.date(day) });

  return (
    <div className="screen bills-screen">
      <DayHeader
        ref={dateRef}
        day={day}
        today={today}
        onDay={(d) => go(d)}
        onPrev={() => go(shiftDay(day, -1))}
        onNext={() => go(shiftDay(day, 1))}
        onDateDone={focusList}
      />

      {dayBills.error ? <ErrorNotice error={dayBills.error} onRetry={dayBills.reload} /> : null}

      {summary ? <DayTotals summary={summary} /> : null}

      <div className={`bills-layout${billId ? ' has-open' : ''}`}>
        <section className="card row-list bills-list" aria-label={listLabel}>
          {!bills && !dayBills.error ? (
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          ) : null}
          {bills && bills.length === 0 ? (
            <div className="empty">
              <Icon name="receipt" size={36} className="empty-icon" />
              <h2 className="empty-title" tabIndex={-1} ref={headingRef}>
                {day === today ? t('bills.list.emptyToday') : t('bills.list.empty')}
              </h2>
              <p className="empty-hint">{t('bills.list.emptyHint')}</p>
            </div>
          ) : null}
          {bills && bills.length > 0 ? (
            <>
              <BillList ref={listRef} id={listId} bills={bills} label={listLabel} nav={nav} openId={billId} onOpen={open} />
              <p className="bills-list-foot">
                <span aria-hidden="true">{t('bills.list.keysHint')}</span>
                {bills.length >= DAY_LIMIT ? <span>{t('bills.list.truncated', { count: DAY_LIMIT })}</span> : null}
              </p>
            </>
          ) : null}
        </section>

        {billId ? (
          <BillPanel
            key={billId}
            billId={billId}
            originalBillNo={openSummary?.originalBillId ? billNos.get(openSummary.originalBillId) : undefined}
            onClose={close}
            onOpenBill={(id) => go(day, id)}
            onLoaded={onLoaded}
            onRefunded={dayBills.reload}
          />
        ) : (
          <aside className="bill-placeholder card" aria-label={t('bills.panel.label')}>
            <Icon name="receipt" size={40} className="empty-icon" />
            <p className="empty-title">{t('bills.panel.placeholderTitle')}</p>
            <p className="empty-hint">{t('bills.panel.placeholderHint')}</p>
          </aside>
        )}
      </div>
    </div>
  );
}
