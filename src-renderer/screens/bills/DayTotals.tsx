/** The day at a glance, as the ledger added it up: sales, refunds, net, and the net by payment method. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../../src-main/ledger/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { Fact } from './Fact.tsx';

export function DayTotals({ summary }: { summary: DaySummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const captionId = useId();
  // Refunds read as money going out, as their bills do; `0 - x` so none reads "-¥0.00".
  const refundsOut = 0 - summary.refundsMinor;
  return (
    <section className="day-totals card" aria-label={t('bills.totals.label')}>
      <div className="day-figures">
        <Fact label={t('bills.totals.salesTotal')}>
          <MoneyText minor={summary.salesMinor} />
          <span className="sub">{t('bills.totals.salesCount', { count: summary.salesCount, n: f.number(summary.salesCount) })}</span>
        </Fact>
        <Fact label={t('bills.totals.refunds')}>
          <MoneyText minor={refundsOut} className={refundsOut !== 0 ? 'is-loss' : undefined} />
          <span className="sub">{t('bills.totals.refundsCount', { count: summary.refundsCount, n: f.number(summary.refundsCount) })}</span>
        </Fact>
        <Fact label={t('bills.totals.net')} className="fact-main">
          <MoneyText minor={summary.netMinor} />
        </Fact>
      </div>
      <div className="day-methods">
        <span className="day-methods-label" id={captionId}>
          {t('bills.totals.byMethod')}
        </span>
        {summary.byMethod.length > 0 ? (
          <ul className="method-list" aria-labelledby={captionId}>
            {summary.byMethod.map((m) => (
              <li key={m.method} className="method">
                <span className="method-name">{t(`payment.${m.method}`)}</span>
                <MoneyText minor={m.netMinor} className={`method-amount${m.netMinor < 0 ? ' is-loss' : ''}`} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('common.empty')}</span>
        )}
      </div>
    </section>
  );
}
