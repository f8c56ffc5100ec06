/** The sale's figures as the API priced them: subtotal, tier discount, total, points it will earn. */
import { useTranslation } from 'react-i18next';
import type { CheckoutQuote, MemberSummary } from '../../../src-main/ledger/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { Term } from './Term.tsx';

export function SaleSummary({ quote, member, stale }: { quote: CheckoutQuote | null; member: MemberSummary | null; stale: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className={`card sale-summary${stale ? ' is-stale' : ''}`} aria-label={t('checkout.summaryLabel')} aria-busy={stale}>
      <dl className="summary-list">
        <div className="summary-row">
          <dt>{t('checkout.subtotal')}</dt>
          <dd>
            <MoneyText minor={quote?.subtotalMinor ?? 0} />
          </dd>
        </div>
        {quote && quote.discountMinor > 0 && member ? (
          <div className="summary-row">
            <dt>{t('checkout.tierDiscount', { tier: member.tierName, rate: f.discountRate(quote.tierDiscountBp) })}</dt>
            <dd>
              <MoneyText minor={-quote.discountMinor} className="is-gain" />
            </dd>
          </div>
        ) : null}
        <Term className="summary-row summary-total" label={t('checkout.total')}>
          <MoneyText minor={quote?.totalMinor ?? 0} />
        </Term>
        {member ? (
          <Term className="summary-row summary-points" label={t('checkout.pointsToEarn')}>
            <NumberText value={quote?.pointsIfPaidExternally ?? 0} />
          </Term>
        ) : null}
      </dl>
    </section>
  );
}
