/**
 * The till's main screen. A sale goes: who is it for (scan the member code, type phone / last 4 /
 * name / initials, or F10 walk-in) → items (scan, search, or an amount) → F9 payment (split tender)
 * → F9 / Enter confirm → the receipt on screen → Enter for the next sale. Every figure is the API's
 * quote; the commit carries an idempotency key per draft, so a double press makes one bill.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberSummary } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { MemberPicker, type MemberPickerHandle } from '../../components/MemberPicker.tsx';
import { QuickMemberDialog } from '../members/QuickMemberDialog.tsx';
import { apiLines, useSale } from '../../stores/sale.ts';
import { useSession } from '../../stores/session.ts';
import { CartTable } from './CartTable.tsx';
import { ItemEntry, type ItemEntryHandle } from './ItemEntry.tsx';
import { PaymentPanel } from './PaymentPanel.tsx';
import { paymentsFor } from './payments.ts';
import { SaleDone } from './SaleDone.tsx';
import { SaleSummary } from './SaleSummary.tsx';
import { useQuote } from './use-quote.ts';

export function CheckoutScreen({ memberId }: { memberId: string | null }) {
  const { t } = useTranslation();
  const staffId = useSession((s) => s.staffId);
  const sale = useSale();
  const picker = useRef<MemberPickerHandle>(null);
  const items = useRef<ItemEntryHandle>(null);
  const [creating, setCreating] = useState<{ phone?: string; name?: string } | null>(null);
  const [memberError, setMemberError] = useState<unknown>(null);

  const lines = apiLines(sale.lines);
  const cart = useQuote(lines.length > 0 ? { memberId: sale.member?.id ?? null, lines } : null);
  const total = cart.current ? (cart.quote?.totalMinor ?? null) : null;
  const payments = sale.phase === 'pay' && total !== null ? paymentsFor(sale.entered, total) : null;
  const tender = useQuote(payments ? { memberId: sale.member?.id ?? null, lines, payments } : null);
  const outcome = tender.current ? (tender.quote?.tender ?? null) : null;

  const checkout = useIdempotentCommit((draft: { staffId: string; memberId: string | null; lines: typeof lines; payments: NonNullable<typeof payments> }, idempotencyKey) =>
    api.call('checkout.commit', { ...draft, idempotencyKey }),
  );

  // `#/checkout?member=<id>` (from a member's page) starts the sale for that member.
  useEffect(() => {
    if (!memberId || sale.member?.id === memberId || sale.phase !== 'cart') return;
    api
      .call('members.get', { memberId })
      .then((m) => useSale.getState().setMember(m))
      .catch(setMemberError);
  }, [memberId]);

  // Focus lands where the cashier types next.
  const focusNext = () => {
    const s = useSale.getState();
    if (s.phase !== 'cart') return;
    if (!s.member && !s.walkIn && s.lines.length === 0) picker.current?.focus();
    else items.current?.focus();
  };
  useEffect(() => {
    if (sale.phase === 'cart') window.setTimeout(focusNext, 0);
  }, [sale.phase, sale.member?.id, sale.walkIn]);

  // A scanner does not know where the focus is: typing with no field focused goes to the next field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, [contenteditable="true"], dialog')) return;
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) focusNext();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const selectMember = (member: MemberSummary | null) => {
    setMemberError(null);
    if (member) sale.setMember(member);
    else {
      sale.clearMember();
      window.setTimeout(() => picker.current?.focus(), 0);
    }
  };

  const canPay = sale.phase === 'cart' && lines.length > 0;
  const canConfirm = sale.phase === 'pay' && outcome !== null && outcome.dueMinor === 0 && outcome.problems.length === 0 && !checkout.busy;
  const quoting = sale.phase === 'pay' && !tender.current;

  // Confirm pressed while the last keystroke's quote is still on its way: confirm when it arrives,
  // if it says the payments cover the bill (a fast cashier must not have to press twice).
  const [confirmWanted, setConfirmWanted] = useState(false);
  const confirm = async () => {
    if (quoting) {
      setConfirmWanted(true);
      return;
    }
    setConfirmWanted(false);
    if (!canConfirm || !payments || !staffId) return;
    const done = await checkout.commit({ staffId, memberId: sale.member?.id ?? null, lines, payments });
    if (done) sale.finish(done);
  };
  useEffect(() => {
    if (confirmWanted && !quoting) void confirm();
  }, [confirmWanted, quoting]);

  const nextSale = () => {
    checkout.reset();
    sale.reset();
    window.setTimeout(() => picker.current?.focus(), 0);
  };

  useShortcut(KEYS.pay, () => {
    if (sale.phase === 'cart' && canPay) sale.startPayment();
    else if (sale.phase === 'pay') void confirm();
  });
  useShortcut(KEYS.walkIn, () => {
    if (sale.phase !== 'cart') return;
    sale.setWalkIn();
    window.setTimeout(() => items.current?.focus(), 0);
  });
  useShortcut('Escape', () => {
    if (sale.phase === 'pay') sale.backToCart();
  });

  if (sale.phase === 'done' && sale.result) {
    return <SaleDone result={sale.result} onNext={nextSale} />;
  }

  const paying = sale.phase === 'pay';
  return (
    <div className="screen checkout">
      <div className="checkout-main">
        <section className="checkout-member" aria-label={t('checkout.memberLabel')}>
          {sale.walkIn && !sale.member ? (
            <div className="walkin-card">
              <Icon name="user" size={22} />
              <span className="walkin-text">{t('checkout.walkInActive')}</span>
              {paying ? null : (
                <button type="button" className="btn btn-small btn-ghost" onClick={() => selectMember(null)}>
                  {t('checkout.chooseMember')}
                </button>
              )}
            </div>
          ) : (
            <div className="checkout-picker">
              <MemberPicker
                ref={picker}
                selected={sale.member}
                onSelect={selectMember}
                onCreateNew={paying ? undefined : (prefill) => setCreating(prefill)}
                onUnmatchedEnter={async (code) => {
                  // A product barcode scanned before choosing a member: a walk-in sale has begun.
                  const added = (await items.current?.addByCode(code)) ?? false;
                  if (added) {
                    sale.setWalkIn();
                    window.setTimeout(() => items.current?.focus(), 0);
                  }
                  return added;
                }}
                label={t('checkout.memberSearch')}
                autoFocus={!paying}
              />
              {sale.member || paying ? null : (
                <div className="checkout-member-actions">
                  <button type="button" className="btn" onClick={() => sale.setWalkIn()} aria-keyshortcuts={KEYS.walkIn}>
                    {t('checkout.walkIn')}
                    <kbd className="kbd" aria-hidden="true">
                      {KEYS.walkIn}
                    </kbd>
                  </button>
                  <button type="button" className="btn" onClick={() => setCreating({})} aria-keyshortcuts={KEYS.newMember}>
                    <Icon name="plus" />
                    {t('checkout.newMember')}
                    <kbd className="kbd" aria-hidden="true">
                      {KEYS.newMember}
                    </kbd>
                  </button>
                </div>
              )}
            </div>
          )}
          {memberError ? <ErrorNotice error={memberError} /> : null}
        </section>

        {paying ? null : <ItemEntry ref={items} />}
        <CartTable quote={cart.quote} readOnly={paying} />
        {cart.error ? <ErrorNotice error={cart.error} /> : null}
      </div>

      <aside className="checkout-side">
        {paying && !(cart.current && cart.quote) ? (
          <p className="loading" role="status">
            {t('checkout.quoting')}
          </p>
        ) : null}
        {paying && cart.current && cart.quote ? (
          <PaymentPanel
            cart={cart.quote}
            tender={tender.current ? tender.quote : null}
            canConfirm={canConfirm || quoting}
            confirming={checkout.busy}
            onConfirm={() => void confirm()}
            onBack={() => sale.backToCart()}
          />
        ) : (
          <>
            <SaleSummary quote={cart.quote} member={sale.member} stale={lines.length > 0 && !cart.current} />
            <button type="button" className="btn btn-primary btn-large checkout-pay" disabled={!canPay} onClick={() => sale.startPayment()} aria-keyshortcuts={KEYS.pay}>
              {lines.length === 0 ? t('checkout.payDisabled') : t('checkout.pay')}
              <kbd className="kbd" aria-hidden="true">
                {KEYS.pay}
              </kbd>
            </button>
          </>
        )}
        {tender.error ? <ErrorNotice error={tender.error} /> : null}
        {checkout.error ? <ErrorNotice error={checkout.error} /> : null}
      </aside>

      {creating ? (
        <QuickMemberDialog
          prefill={creating}
          onCancel={() => {
            setCreating(null);
            window.setTimeout(focusNext, 0);
          }}
          onCreated={(member) => {
            setCreating(null);
            sale.setMember(member);
          }}
        />
      ) : null}
    </div>
  );
}
