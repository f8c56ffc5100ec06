/**
 * What the refund will do, exactly as the ledger previewed it: the amount, how it goes back per
 * original tender, the effect on points and bonus under the shop's policy, the member's balances
 * after. While a new answer is on its way the last one stays, dimmed.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefundPreview } from '../../../src-main/ledger/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { Fact } from './Fact.tsx';
import { MemberAfter, TenderList } from './Tenders.tsx';
import type { PreviewState } from './use-refund-preview.ts';

function PointsEffect({ preview }: { preview: RefundPreview }) {
  const { t } = useTranslation();
  const facts = [
    { key: 'reversed', label: t('bills.refund.pointsReversed'), value: -preview.pointsEarnedReversed },
    { key: 'waived', label: t('bills.refund.pointsWaived'), value: preview.pointsEarnedWaived },
    { key: 'restored', label: t('bills.refund.pointsRestored'), value: preview.pointsRedeemedRestored },
    { key: 'forfeited', label: t('bills.refund.pointsForfeited'), value: preview.pointsRedeemedForfeited },
  ].filter((fact) => fact.value !== 0);
  if (facts.length === 0 && preview.bonusForfeitedMinor === 0) return <p className="muted">{t('bills.refund.noPointsEffect')}</p>;
  return (
    <div className="refund-facts">
      {facts.map((fact) => (
        <Fact key={fact.key} label={fact.label}>
          <NumberText value={fact.value} signed={fact.key === 'reversed' || fact.key === 'restored'} />
        </Fact>
      ))}
      {preview.bonusForfeitedMinor > 0 ? (
        <Fact label={t('bills.refund.bonusForfeited')}>
          <MoneyText minor={preview.bonusForfeitedMinor} />
        </Fact>
      ) : null}
    </div>
  );
}

export function RefundPreviewView({ state, isMemberBill }: { state: PreviewState; isMemberBill: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { shown, error, pending } = state;
  const p = shown;

  return (
    <section className={`refund-preview${pending ? ' is-stale' : ''}`} aria-labelledby={titleId} aria-busy={pending}>
      <h3 className="section-title" id={titleId}>
        {t('bills.refund.preview')}
      </h3>
      {error ? <ErrorNotice error={error} /> : null}
      {!p && !error ? <p className="refund-preview-empty muted">{pending ? t('bills.refund.previewing') : t('bills.refund.nothingChosen')}</p> : null}
      {p && !error ? (
        <>
          <Fact label={t('bills.refund.amount')} className="refund-amount">
            <span aria-live="polite">
              <MoneyText minor={p.totalMinor} />
            </span>
          </Fact>
          <h4 className="refund-subtitle">{t('bills.refund.backTo')}</h4>
          <TenderList tenders={p.tenders} />
          {isMemberBill ? (
            <>
              <h4 className="refund-subtitle">{t('bills.refund.pointsEffect')}</h4>
              <PointsEffect preview={p} />
            </>
          ) : null}
          {p.memberAfter ? (
            <>
              <h4 className="refund-subtitle">{t('bills.refund.memberAfter')}</h4>
              <MemberAfter balances={p.memberAfter} />
            </>
          ) : null}
          {p.isFinal ? <p className="refund-final">{t('bills.refund.isFinal')}</p> : null}
          <p className="refund-policy">
            {t('bills.refund.policy', {
              earned: t(`bills.refund.policyEarned.${p.policy.earnedPoints}`),
              redeemed: t(`bills.refund.policyRedeemed.${p.policy.redeemedPoints}`),
              bonus: t(`bills.refund.policyBonus.${p.policy.bonus}`),
            })}
          </p>
        </>
      ) : null}
    </section>
  );
}
