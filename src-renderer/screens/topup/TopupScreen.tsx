/**
 * Top-up: pick the member (search, scan, or F2 for a new one), choose a quick amount or type one,
 * see the bonus the ledger quotes and the rule behind it, pick how they pay, confirm with F9 (or
 * Enter in the amount). The confirmation shows the new balance; Enter or F4 starts the next one.
 * `#/topup?member=<id>` arrives with the member already chosen.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExternalMethod, MemberSummary } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { navigate, paths } from '../../app/router.ts';
import { useIdempotentCommit } from '../../app/use-idempotent-commit.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { MemberPicker, type MemberPickerHandle } from '../../components/MemberPicker.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { useSession } from '../../stores/session.ts';
import { QuickMemberDialog } from '../members/QuickMemberDialog.tsx';
import { PaymentMethods, rememberedMethod, rememberMethod } from './PaymentMethods.tsx';
import { QuickAmounts, stepQuickAmount } from './QuickAmounts.tsx';
import { TopupDone } from './TopupDone.tsx';
import { TopupSummary } from './TopupSummary.tsx';
import { useQuickAmounts } from './use-quick-amounts.ts';
import { useTopupQuote } from './use-topup-quote.ts';

type Prefill = { phone?: string; name?: string };

interface TopupDraft {
  staffId: string;
  memberId: string;
  principalMinor: number;
  method: ExternalMethod;
}

/** One top-up per intended top-up: a double press or a retry of the same draft reuses its key. */
const sendTopup = (draft: TopupDraft, idempotencyKey: string) => api.call('topups.create', { ...draft, idempotencyKey, note: '' });

/** The member named in the route, loaded once. */
function useRouteMember(memberId: string | null, onLoaded: (member: MemberSummary) => void) {
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: memberId !== null, error: null });
  const latest = useRef(onLoaded);
  latest.current = onLoaded;
  const load = useCallback(() => {
    if (!memberId) return;
    setState({ loading: true, error: null });
    api
      .call('members.get', { memberId })
      .then((member) => {
        setState({ loading: false, error: null });
        latest.current(member);
      })
      .catch((error: unknown) => setState({ loading: false, error }));
  }, [memberId]);
  useEffect(load, [load]);
  return { ...state, retry: load };
}

export function TopupScreen({ memberId }: { memberId: string | null }) {
  const { t } = useTranslation();
  const staffId = useSession((s) => s.staffId);
  const amountTitleId = useId();
  const [member, setMember] = useState<MemberSummary | null>(null);
  const [principal, setPrincipal] = useState<number | null>(null);
  const [method, setMethod] = useState<ExternalMethod>(rememberedMethod);
  const [attempted, setAttempted] = useState(false);
  const [creating, setCreating] = useState<Prefill | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<MemberPickerHandle>(null);
  const quick = useQuickAmounts();
  const quoted = useTopupQuote(principal);
  const topup = useIdempotentCommit(sendTopup);
  const done = topup.result;

  const routeMember = useRouteMember(memberId, setMember);

  // Once a member is chosen the cashier types the amount next.
  useEffect(() => {
    if (member && !done) amountRef.current?.focus();
    // Only when the member changes, not when their balance is refreshed by the top-up.
  }, [member?.id]);

  const selectMember = (next: MemberSummary | null) => {
    if (done) {
      topup.reset();
      setPrincipal(null);
      setAttempted(false);
    }
    topup.clearError();
    setMember(next);
  };

  const startNext = useCallback(() => {
    // Arrived with ?member=: a clean route gives a clean screen.
    if (memberId) {
      navigate(paths.topup());
      return;
    }
    topup.reset();
    setMember(null);
    setPrincipal(null);
    setAttempted(false);
  }, [memberId, topup.reset]);

  const confirm = () => {
    if (done || topup.busy || creating) return;
    setAttempted(true);
    if (!member) {
      pickerRef.current?.focus();
      return;
    }
    if (principal === null || principal <= 0) {
      amountRef.current?.focus();
      return;
    }
    if (!staffId) return;
    rememberMethod(method);
    void topup.commit({ staffId, memberId: member.id, principalMinor: principal, method }).then((result) => {
      if (result) setMember(result.member);
    });
  };

  useShortcut(KEYS.pay, confirm, !done);
  useShortcut('Escape', () => (done ? startNext() : selectMember(null)), Boolean(done || member));

  const pickAmount = (minor: number) => {
    setPrincipal(minor);
    topup.clearError();
    amountRef.current?.focus();
  };

  const onAmountKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      confirm();
    } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && quick.amounts) {
      event.preventDefault();
      const next = stepQuickAmount(quick.amounts, principal, event.key === 'ArrowUp' ? 'up' : 'down');
      if (next !== null) pickAmount(next);
    }
  };

  let amountError: string | null = null;
  if (principal === 0) amountError = t('topup.err.zero');
  else if (attempted && principal === null) amountError = t('topup.err.noAmount');

  return (
    <div className="screen topup-screen">
      <div className="page-head">
        <h1 className="page-title">{t('topup.title')}</h1>
      </div>

      <div className="topup-member">
        {routeMember.loading ? (
          <p className="topup-member-loading" role="status">
            {t('topup.loadingMember')}
          </p>
        ) : (
          <MemberPicker
            ref={pickerRef}
            selected={member}
            onSelect={selectMember}
            onCreateNew={setCreating}
            label={t('topup.memberSearch')}
            autoFocus={!creating}
            changeKeyHint="Esc"
          />
        )}
        {routeMember.error ? <ErrorNotice error={routeMember.error} onRetry={routeMember.retry} /> : null}
        {attempted && !member && !done ? (
          <p className="field-error topup-member-error" role="alert">
            {t('topup.err.noMember')}
          </p>
        ) : null}
      </div>

      {done ? (
        <TopupDone result={done} onNext={startNext} />
      ) : (
        <div className="topup-grid">
          <section className="card topup-amount" aria-labelledby={amountTitleId}>
            <h2 className="topup-label" id={amountTitleId}>
              {t('topup.amountSection')}
            </h2>
            <QuickAmounts amounts={quick.amounts} error={quick.error} onRetry={quick.reload} selectedMinor={principal} onPick={pickAmount} />
            <MoneyInput
              ref={amountRef}
              className="topup-amount-field"
              label={t('topup.otherAmount')}
              valueMinor={principal}
              onChangeMinor={(minor) => {
                setPrincipal(minor);
                topup.clearError();
              }}
              error={amountError}
              hint={t('topup.amountHint')}
              placeholder={t('topup.amountPlaceholder')}
              onKeyDown={onAmountKey}
              aria-keyshortcuts="Enter ArrowUp ArrowDown"
            />
          </section>
          <section className="card topup-side" aria-label={t('topup.summarySection')}>
            <PaymentMethods value={method} onChange={setMethod} onConfirm={confirm} />
            <TopupSummary
              principalMinor={principal}
              quote={quoted.quote}
              quoteError={quoted.error}
              rules={quick.rules}
              busy={topup.busy}
              error={topup.error}
              onConfirm={confirm}
            />
          </section>
        </div>
      )}

      {creating ? (
        <QuickMemberDialog
          prefill={creating}
          onCreated={(created) => {
            setCreating(null);
            selectMember(created);
          }}
          onCancel={() => setCreating(null)}
        />
      ) : null}
    </div>
  );
}
