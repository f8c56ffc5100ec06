/**
 * How a refund goes back, one row per original tender (positive amounts): stored value with its
 * principal and bonus, points, forfeited bonus, cash, card, mobile pay. And the member's balances
 * after it. Shared by the refund preview and the refund's result.
 */
import { useTranslation } from 'react-i18next';
import type { MemberBalances, Payment, RefundPreview } from '../../../src-main/ledger/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { Fact } from './Fact.tsx';

export type Tender = RefundPreview['tenders'][number];

/** A refund bill's payment rows as tenders going back (they are stored negative). `0 - x` keeps 0 from reading -0. */
export function tendersOfRefund(payments: readonly Payment[]): Tender[] {
  return payments.map((p) => ({
    paymentId: p.refundOfPaymentId ?? p.id,
    method: p.method,
    amountMinor: 0 - p.amountMinor,
    principalMinor: 0 - p.principalMinor,
    bonusMinor: 0 - p.bonusMinor,
    points: 0 - p.points,
  }));
}

function TenderDetail({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (tender.method === 'stored_value') {
    return <span className="sub">{t('bill.svSplit', { principal: f.money(tender.principalMinor), bonus: f.money(tender.bonusMinor) })}</span>;
  }
  if (tender.method === 'points' && tender.points !== 0) {
    return <span className="sub">{t('bills.refund.pointsTender', { points: f.number(tender.points) })}</span>;
  }
  return null;
}

export function TenderList({ tenders }: { tenders: readonly Tender[] }) {
  const { t } = useTranslation();
  return (
    <ul className="pay-list tender-list" aria-label={t('bills.refund.backTo')}>
      {tenders.map((tender) => (
        <li key={`${tender.paymentId}-${tender.method}`} className={`pay-row${tender.method === 'forfeited_bonus' ? ' is-forfeited' : ''}`}>
          <span className="pay-method">
            <span>{t(`payment.${tender.method}`)}</span>
            <TenderDetail tender={tender} />
          </span>
          <MoneyText minor={tender.amountMinor} className="strong" />
        </li>
      ))}
    </ul>
  );
}

export function MemberAfter({ balances }: { balances: MemberBalances }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="member-after">
      <Fact label={t('bills.receipt.storedValueAfter')}>
        <MoneyText minor={balances.balancePrincipalMinor + balances.balanceBonusMinor} />
        <span className="sub">{t('bill.svSplit', { principal: f.money(balances.balancePrincipalMinor), bonus: f.money(balances.balanceBonusMinor) })}</span>
      </Fact>
      <Fact label={t('bills.receipt.pointsAfter')}>
        <NumberText value={balances.points} />
      </Fact>
    </div>
  );
}
