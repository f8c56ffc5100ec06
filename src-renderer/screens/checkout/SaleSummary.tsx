/** The sale's figures as the API priced them: subtotal, tier discount, total, points it will earn. */
import { useTranslation } from 'react-i18next';
import type { CheckoutQuote, MemberSummary } from '../../../src-main/ledger/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';

export function SaleSummary({ quote, member, stale }: { quote: CheckoutQuote | null; member: MemberSummary | null; stale: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className={`sale-summary${stale ? ' is-stale' : ''}`} aria-label={t('checkout.summaryLabel')} aria-busy={stale}>
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
        <div className="summary-row summary-total" role="group" aria-label={t('checkout.total')}>
          <dt>{t('checkout.total')}</dt>
          <dd>
            <MoneyText minor={quote?.totalMinor ?? 0} />
          </dd>
        </div>
        {member ? (
          <div className="summary-row summary-points" role="group" aria-label={t('checkout.pointsToEarn')}>
            <dt>{t('checkout.pointsToEarn')}</dt>
            <dd>
              <NumberText value={quote?.pointsIfPaidExternally ?? 0} />
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
