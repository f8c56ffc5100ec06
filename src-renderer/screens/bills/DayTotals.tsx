/** The day at a glance: sales, refunds, net, and the net by payment method once the details are in. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill, BillSummary } from '../../../src-main/ledger/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { dayTotals, methodTotals } from './day-totals.ts';
import { Fact } from './Fact.tsx';

interface DayTotalsProps {
  bills: readonly BillSummary[];
  details: ReadonlyMap<string, Bill>;
  detailsComplete: boolean;
}

export function DayTotals({ bills, details, detailsComplete }: DayTotalsProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const captionId = useId();
  const totals = dayTotals(bills);
  const methods = detailsComplete ? methodTotals(details.values()) : null;
  return (
    <section className="day-totals card" aria-label={t('bills.totals.label')}>
      <div className="day-figures">
        <Fact label={t('bills.totals.salesTotal')}>
          <MoneyText minor={totals.salesMinor} />
          <span className="sub">{t('bills.totals.salesCount', { count: totals.salesCount, n: f.number(totals.salesCount) })}</span>
        </Fact>
        <Fact label={t('bills.totals.refunds')}>
          <MoneyText minor={totals.refundsMinor} className={totals.refundsMinor !== 0 ? 'is-loss' : undefined} />
          <span className="sub">{t('bills.totals.refundsCount', { count: totals.refundsCount, n: f.number(totals.refundsCount) })}</span>
        </Fact>
        <Fact label={t('bills.totals.net')} className="fact-main">
          <MoneyText minor={totals.netMinor} />
        </Fact>
      </div>
      <div className="day-methods">
        <span className="day-methods-label" id={captionId}>
          {t('bills.totals.byMethod')}
        </span>
        {methods ? (
          <ul className="method-list" aria-labelledby={captionId}>
            {methods.map((m) => (
              <li key={m.method} className="method">
                <span className="method-name">{t(`payment.${m.method}`)}</span>
                <MoneyText minor={m.amountMinor} className={`method-amount${m.amountMinor < 0 ? ' is-loss' : ''}`} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted" role="status">
            {bills.length > 0 ? t('bills.totals.byMethodLoading') : t('common.empty')}
          </span>
        )}
      </div>
    </section>
  );
}
