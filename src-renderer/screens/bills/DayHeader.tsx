/**
 * The day being looked at and the ways to another one: previous/next (PgUp/PgDn or ←/→), a date field
 * to jump (D), and back to today (T). The next day stops at today: there are no bills in the future.
 */
import { forwardRef, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { weekdayName } from './dates.ts';
import { BILL_KEYS } from './keys.ts';

interface DayHeaderProps {
  day: string;
  today: string;
  onDay: (day: string) => void;
  onPrev: () => void;
  onNext: () => void;
  /** Enter in the date field: the cashier is done choosing, back to the list. */
  onDateDone: () => void;
}

const DATE_SETTLE_MS = 600;

function Kbd({ children }: { children: string }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {children}
    </kbd>
  );
}

export const DayHeader = forwardRef<HTMLInputElement, DayHeaderProps>(function DayHeader({ day, today, onDay, onPrev, onNext, onDateDone }, dateRef) {
  const { t } = useTranslation();
  const f = useFormat();
  const isToday = day === today;
  // What the date field shows while the cashier types in it; applied after a pause or on Enter, so
  // the half-typed dates a keyboard passes through (year 0002…) are not each loaded.
  const [draft, setDraft] = useState(day);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => setDraft(day), [day]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const apply = (value: string) => {
    clearTimeout(timer.current);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && value <= today && value !== day) onDay(value);
  };
  return (
    <header className="bills-head">
      <div className="bills-title">
        <h1 className="page-title">{t('bills.title')}</h1>
        <p className="bills-day">
          <span>{t('bills.day.heading', { date: f.date(day), weekday: weekdayName(day, f.locale) })}</span>
          {isToday ? <span className="badge badge-today">{t('bills.day.isToday')}</span> : null}
        </p>
      </div>
      <div className="day-nav" role="group" aria-label={t('bills.day.label')}>
        <button type="button" className="btn" onClick={onPrev} aria-keyshortcuts={BILL_KEYS.prevDay.aria}>
          <Icon name="back" />
          {t('bills.day.prev')}
          <Kbd>{BILL_KEYS.prevDay.label}</Kbd>
        </button>
        <label className="day-picker">
          <span className="visually-hidden">{t('bills.day.dateInput')}</span>
          <input
            ref={dateRef}
            type="date"
            className="input"
            value={draft}
            max={today}
            required
            aria-keyshortcuts={BILL_KEYS.date.aria}
            onChange={(e) => {
              const value = e.target.value;
              setDraft(value);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => apply(value), DATE_SETTLE_MS);
            }}
            onBlur={() => apply(draft)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                apply(draft);
                onDateDone();
              }
            }}
          />
          <Kbd>{BILL_KEYS.date.label}</Kbd>
        </label>
        <button type="button" className="btn" onClick={onNext} disabled={day >= today} aria-keyshortcuts={BILL_KEYS.nextDay.aria}>
          {t('bills.day.next')}
          <Icon name="back" className="icon-flip" />
          <Kbd>{BILL_KEYS.nextDay.label}</Kbd>
        </button>
        <button type="button" className="btn" onClick={() => onDay(today)} disabled={isToday} aria-keyshortcuts={BILL_KEYS.today.aria}>
          {t('bills.day.today')}
          <Kbd>{BILL_KEYS.today.label}</Kbd>
        </button>
      </div>
    </header>
  );
});
