/**
 * Split tender: one row per way to pay. Enter on an empty row fills in what is still due (capped by
 * the member's stored value or points); ↑/↓ move between rows; Enter once everything is covered
 * confirms. What each payment draws, the change, the points earned and any problem ("not enough
 * stored value") are the quote's answer for exactly these payments.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, normalizeLocale } from '../../../src-main/api/error-messages.ts';
import type { CheckoutQuote, TenderProblem } from '../../../src-main/ledger/types.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { KEYS } from '../../app/shortcuts.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { TENDER_METHODS, useSale, type TenderMethod } from '../../stores/sale.ts';
import { remainingExcept } from './payments.ts';

const PROBLEM_ROW: Partial<Record<TenderProblem['code'], TenderMethod>> = {
  INSUFFICIENT_BALANCE: 'stored_value',
  INSUFFICIENT_POINTS: 'points',
  POINTS_REDEMPTION_DISABLED: 'points',
  CASH_TENDER_SHORT: 'cash',
};

interface PaymentPanelProps {
  /** The cart's quote (total, member balances, points redeemable). */
  cart: CheckoutQuote;
  /** The quote for the payments as entered (null while it is being asked). */
  tender: CheckoutQuote | null;
  /** Confirming may go ahead (or will, once the quote being asked says the payments cover the bill). */
  canConfirm: boolean;
  confirming: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

export function PaymentPanel({ cart, tender, canConfirm, confirming, onConfirm, onBack }: PaymentPanelProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { settings } = useAppInfo();
  const member = useSale((s) => s.member);
  const entered = useSale((s) => s.entered);
  const enter = useSale((s) => s.enter);
  const inputs = useRef(new Map<TenderMethod, HTMLInputElement>());
  const outcome = tender?.tender ?? null;
  const total = cart.totalMinor;

  const available = (method: TenderMethod): boolean => {
    if (method === 'stored_value') return member !== null && (cart.member?.balancePrincipalMinor ?? 0) + (cart.member?.balanceBonusMinor ?? 0) > 0;
    if (method === 'points') return member !== null && settings.pointsRedemption.enabled && cart.pointsRedeemableMinor > 0;
    return true;
  };
  const rows = TENDER_METHODS.filter((m) => m !== 'points' || (member !== null && settings.pointsRedemption.enabled));
  const usable = rows.filter(available);

  // Stored value first when the member has some (that is why they are a member), else cash.
  useEffect(() => {
    inputs.current.get(usable[0] ?? 'cash')?.focus();
    // Only when the panel opens.
  }, []);

  const cap = (method: TenderMethod): number => {
    if (method === 'stored_value') return (cart.member?.balancePrincipalMinor ?? 0) + (cart.member?.balanceBonusMinor ?? 0);
    if (method === 'points') return cart.pointsRedeemableMinor;
    return Number.MAX_SAFE_INTEGER;
  };

  const move = (from: TenderMethod, step: 1 | -1) => {
    const i = usable.indexOf(from);
    const next = usable[(i + step + usable.length) % usable.length];
    if (next) inputs.current.get(next)?.focus();
  };

  const onKeyDown = (method: TenderMethod) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(method, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onBack();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (entered[method] === null) {
        const rest = Math.min(remainingExcept(entered, total, method), cap(method));
        if (rest > 0) enter(method, rest);
      } else if (canConfirm) onConfirm();
      else move(method, 1);
    }
  };

  const problemsFor = (method: TenderMethod) =>
    (outcome?.problems ?? []).filter((p) => PROBLEM_ROW[p.code] === method || (p.code === 'MEMBER_REQUIRED' && (method === 'stored_value' || method === 'points')));
  const locale = normalizeLocale(i18n.language);
  const unplaced = (outcome?.problems ?? []).filter((p) => !PROBLEM_ROW[p.code] && p.code !== 'MEMBER_REQUIRED');

  const due = outcome?.dueMinor ?? total;
  return (
    <section className="card payment" aria-label={t('checkout.paymentLabel')}>
      <div className="payment-due">
        <div className="payment-figure" role="group" aria-label={t('checkout.due')}>
          <span className="payment-figure-label">{t('checkout.due')}</span>
          <MoneyText minor={total} className="payment-total" />
        </div>
        <div className="payment-figure" role="group" aria-label={due > 0 ? t('checkout.remaining') : t('checkout.change')}>
          {due > 0 ? (
            <>
              <span className="payment-figure-label">{t('checkout.remaining')}</span>
              <MoneyText minor={due} className="payment-remaining" />
            </>
          ) : (
            <>
              <span className="payment-figure-label">{t('checkout.change')}</span>
              <MoneyText minor={outcome?.changeMinor ?? 0} className="payment-change" />
            </>
          )}
        </div>
      </div>
      {due < 0 ? <p className="payment-warning" role="alert">{t('checkout.overpaid', { amount: f.money(-due) })}</p> : null}

      <div className="tender-rows">
        {rows.map((method) => {
          const enabled = available(method);
          const problems = problemsFor(method);
          return (
            <div key={method} className={`tender-row${enabled ? '' : ' is-disabled'}`}>
              <MoneyInput
                ref={(el) => {
                  if (el) inputs.current.set(method, el);
                  else inputs.current.delete(method);
                }}
                label={method === 'cash' ? t('checkout.cashTendered') : t('checkout.methodAmount', { method: t(`payment.${method}`) })}
                className="tender-input"
                valueMinor={entered[method]}
                onChangeMinor={(minor) => enter(method, minor)}
                onKeyDown={onKeyDown(method)}
                disabled={!enabled}
                error={problems.length > 0 ? problems.map((p) => errorMessage(p.code, p.params, locale, settings.currency)).join(' ') : null}
              />
              <div className="tender-info">
                <TenderInfo method={method} cart={cart} tender={tender} enabled={enabled} />
              </div>
            </div>
          );
        })}
      </div>
      {unplaced.map((p) => (
        <p key={p.code} className="payment-warning" role="alert">
          {errorMessage(p.code, p.params, locale, settings.currency)}
        </p>
      ))}
      <p className="payment-keys">{t('checkout.payKeys')}</p>
      {member && outcome ? (
        <p className="payment-points">
          {t('checkout.pointsEarnedAfter', { points: f.number(outcome.pointsEarned) })}
        </p>
      ) : null}
      <div className="payment-actions">
        <button type="button" className="btn btn-large" onClick={onBack}>
          {t('checkout.backToCart')}
          <kbd className="kbd" aria-hidden="true">
            Esc
          </kbd>
        </button>
        <button type="button" className="btn btn-primary btn-large payment-confirm" onClick={onConfirm} disabled={!canConfirm || confirming} aria-keyshortcuts={KEYS.pay}>
          {confirming ? t('checkout.confirming') : t('checkout.confirm')}
          <kbd className="kbd" aria-hidden="true">
            {KEYS.pay}
          </kbd>
        </button>
      </div>
    </section>
  );
}

/** What a row's payment means for the member: balance available and after, points it costs. */
function TenderInfo({ method, cart, tender, enabled }: { method: TenderMethod; cart: CheckoutQuote; tender: CheckoutQuote | null; enabled: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const outcome = tender?.tender ?? null;
  if ((method === 'stored_value' || method === 'points') && !cart.member) return <span className="muted">{t('checkout.needsMember')}</span>;
  if (method === 'stored_value' && cart.member) {
    const holds = cart.member.balancePrincipalMinor + cart.member.balanceBonusMinor;
    const after = outcome?.memberAfter ? outcome.memberAfter.balancePrincipalMinor + outcome.memberAfter.balanceBonusMinor : holds;
    return (
      <>
        <span>{t('checkout.storedValueAvailable', { amount: f.money(holds) })}</span>
        {enabled ? (
          <span className="strong" role="status">
            {t('checkout.storedValueAfter', { amount: f.money(after) })}
          </span>
        ) : null}
      </>
    );
  }
  if (method === 'points' && cart.member) {
    return (
      <>
        <span>{t('checkout.pointsAvailable', { points: f.number(cart.member.points), amount: f.money(cart.pointsRedeemableMinor) })}</span>
        {outcome && outcome.pointsRedeemed > 0 ? <span className="strong">{t('checkout.pointsCost', { points: f.number(outcome.pointsRedeemed) })}</span> : null}
      </>
    );
  }
  if (method === 'cash' && outcome && outcome.changeMinor > 0) {
    return (
      <span className="strong">
        {t('checkout.change')} <MoneyText minor={outcome.changeMinor} />
      </span>
    );
  }
  return null;
}
