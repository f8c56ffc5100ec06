/** One-press amounts, each saying the bonus it earns ("送 ¥50"); the chosen one is pressed. */
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import type { QuickAmount } from './use-quick-amounts.ts';

interface QuickAmountsProps {
  amounts: QuickAmount[] | null;
  error: unknown;
  onRetry: () => void;
  selectedMinor: number | null;
  onPick: (principalMinor: number) => void;
}

export function QuickAmounts({ amounts, error, onRetry, selectedMinor, onPick }: QuickAmountsProps) {
  const { t } = useTranslation();
  const f = useFormat();
  if (error) return <ErrorNotice error={error} onRetry={onRetry} />;
  if (!amounts) {
    return (
      <p className="topup-quick-loading muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return (
    // Four fit on one row; more wrap in rows of three, so no button is left alone on a row.
    <div className="topup-quick" data-columns={amounts.length <= 4 ? amounts.length : 3} role="group" aria-label={t('topup.quickAmounts')}>
      {amounts.map((a) => {
        const amount = f.money(a.principalMinor);
        const bonus = f.money(a.bonusMinor);
        return (
          <button
            key={a.principalMinor}
            type="button"
            className={`topup-quick-btn${a.principalMinor === selectedMinor ? ' is-selected' : ''}`}
            aria-pressed={a.principalMinor === selectedMinor}
            aria-label={a.bonusMinor > 0 ? t('topup.quickAmountBonusLabel', { amount, bonus }) : t('topup.quickAmountLabel', { amount })}
            onClick={() => onPick(a.principalMinor)}
          >
            <MoneyText minor={a.principalMinor} className="topup-quick-amount" />
            {a.bonusMinor > 0 ? <span className="topup-quick-bonus">{t('topup.quickBonus', { bonus })}</span> : <span className="topup-quick-bonus is-none">{t('topup.quickNoBonus')}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** The quick amount ↑ (larger) or ↓ (smaller) from the current one, or null when there is none. */
export function stepQuickAmount(amounts: readonly QuickAmount[], currentMinor: number | null, direction: 'up' | 'down'): number | null {
  const values = amounts.map((a) => a.principalMinor);
  if (currentMinor === null) return values[0] ?? null;
  if (direction === 'up') return values.find((v) => v > currentMinor) ?? null;
  return values.filter((v) => v < currentMinor).pop() ?? null;
}
