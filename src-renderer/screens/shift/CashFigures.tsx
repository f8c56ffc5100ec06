/**
 * The drawer's cash as the ledger sees it: float, cash in and out, what other staff put in, and the
 * cash expected — then, once counted, the count and over/short. Money going out reads negative.
 */
import { useTranslation } from 'react-i18next';
import type { ShiftCash, ShiftTotals } from '../../../src-main/shifts/types.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { OverShort } from './OverShort.tsx';

interface CashFiguresProps {
  cash: ShiftCash;
  otherStaff: ShiftTotals['otherStaff'];
  /** The count, when there is one (closing or closed). */
  countedMinor?: number | null;
}

export function CashFigures({ cash, otherStaff, countedMinor = null }: CashFiguresProps) {
  const { t } = useTranslation();
  const otherRecords = otherStaff.bills + otherStaff.topups;
  const rows: Array<{ key: string; label: string; minor: number; hint?: string }> = [
    { key: 'float', label: t('shift.cash.float'), minor: cash.floatMinor },
    { key: 'sales', label: t('shift.cash.sales'), minor: cash.salesMinor },
    { key: 'refunds', label: t('shift.cash.refunds'), minor: 0 - cash.refundsMinor },
    { key: 'topups', label: t('shift.cash.topups'), minor: cash.topupsMinor },
    { key: 'topupRefunds', label: t('shift.cash.topupRefunds'), minor: 0 - cash.topupRefundsMinor },
  ];
  if (otherRecords > 0) rows.push({ key: 'other', label: t('shift.cash.otherStaff', { count: otherRecords }), minor: cash.otherStaffMinor, hint: t('shift.cash.otherStaffHint') });
  return (
    <dl className="shift-cash">
      {rows.map((row) => (
        <div key={row.key} className="shift-cash-row">
          <dt>
            {row.label}
            {row.hint ? <span className="sub wrap">{row.hint}</span> : null}
          </dt>
          <dd>
            <MoneyText minor={row.minor} className={row.minor < 0 ? 'is-loss' : undefined} />
          </dd>
        </div>
      ))}
      <div className="shift-cash-row shift-cash-expected">
        <dt>{t('shift.cash.expected')}</dt>
        <dd>
          <MoneyText minor={cash.expectedMinor} />
        </dd>
      </div>
      {countedMinor !== null ? (
        <>
          <div className="shift-cash-row shift-cash-counted">
            <dt>{t('shift.report.counted')}</dt>
            <dd>
              <MoneyText minor={countedMinor} />
            </dd>
          </div>
          <div className="shift-cash-row shift-cash-over-short">
            <dt>{t('shift.overShort.label')}</dt>
            <dd>
              <OverShort minor={countedMinor - cash.expectedMinor} />
            </dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}
