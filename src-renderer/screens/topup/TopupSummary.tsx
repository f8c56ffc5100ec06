/**
 * What this top-up will do, as the ledger quotes it: principal, the bonus and the rule that gives it,
 * the total credited, and how much more would reach the next rule. Then the confirm button (F9).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopupBonusRule, TopupQuote } from '../../../src-main/ledger/types.ts';
import { KEYS } from '../../app/shortcuts.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { AmountRow } from './AmountRow.tsx';

interface TopupSummaryProps {
  principalMinor: number | null;
  quote: TopupQuote | null;
  quoteError: unknown;
  rules: TopupBonusRule[] | null;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
}

export function TopupSummary({ principalMinor, quote, quoteError, rules, busy, error, onConfirm }: TopupSummaryProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const rule = quote?.bonusRuleId ? rules?.find((r) => r.id === quote.bonusRuleId) : undefined;
  const noRules = rules !== null && !rules.some((r) => r.active);

  let bonusNote: string | null = null;
  if (noRules) bonusNote = t('topup.noRules');
  else if (rule) bonusNote = t('topup.ruleApplied', { min: f.money(rule.minPrincipalMinor), bonus: f.money(rule.bonusMinor) });
  else if (quote) bonusNote = t('topup.noRule');
  else if (principalMinor !== null && principalMinor > 0 && !quoteError) bonusNote = t('topup.quoting');

  const next = quote?.nextRule ?? null;
  return (
    <section className="topup-summary" aria-labelledby={titleId}>
      <h2 className="topup-label" id={titleId}>
        {t('topup.summarySection')}
      </h2>
      <div className="topup-rows">
        <AmountRow label={t('topup.principal')} minor={quote ? quote.principalMinor : null} />
        <AmountRow label={t('topup.bonus')} minor={quote ? quote.bonusMinor : null} note={bonusNote} className={quote && quote.bonusMinor > 0 ? 'is-bonus' : undefined} />
        <AmountRow label={t('topup.credited')} minor={quote ? quote.principalMinor + quote.bonusMinor : null} className="is-total" />
      </div>
      {next && quote ? (
        <p className="topup-next" role="status">
          {t('topup.nextRule', { more: f.money(next.minPrincipalMinor - quote.principalMinor), bonus: f.money(next.bonusMinor) })}
        </p>
      ) : null}
      {quoteError ? <ErrorNotice error={quoteError} /> : null}
      {error ? <ErrorNotice error={error} title={t('topup.failed')} /> : null}
      <button type="button" className="btn btn-primary btn-large topup-confirm" onClick={onConfirm} disabled={busy} aria-busy={busy || undefined} aria-keyshortcuts={KEYS.pay}>
        {busy ? t('topup.confirming') : t('topup.confirm')}
        <kbd className="kbd" aria-hidden="true">
          {KEYS.pay}
        </kbd>
      </button>
    </section>
  );
}
