/**
 * The amounts offered as one-press buttons: every active bonus rule's threshold (so "pay 500 get 50"
 * is one press) plus a few round amounts, each with the bonus the ledger quotes for it — the screen
 * never works a bonus out itself.
 */
import { useCallback, useEffect, useState } from 'react';
import { minorDigits } from '../../../src-main/api/money-format.ts';
import type { TopupBonusRule } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';

export interface QuickAmount {
  principalMinor: number;
  bonusMinor: number;
}

/** Round amounts in whole currency units, offered whatever the rules say. */
const ROUND_UNITS = [100, 200, 500, 1000];
const MAX_BUTTONS = 6;

function candidates(rules: readonly TopupBonusRule[], unitMinor: number): number[] {
  const thresholds = rules.filter((r) => r.active).map((r) => r.minPrincipalMinor);
  const chosen = new Set(thresholds.sort((a, b) => a - b).slice(0, MAX_BUTTONS));
  for (const units of ROUND_UNITS) {
    if (chosen.size >= MAX_BUTTONS) break;
    chosen.add(units * unitMinor);
  }
  return [...chosen].sort((a, b) => a - b);
}

export function useQuickAmounts(): { amounts: QuickAmount[] | null; rules: TopupBonusRule[] | null; error: unknown; reload: () => void } {
  const { settings } = useAppInfo();
  const [state, setState] = useState<{ amounts: QuickAmount[]; rules: TopupBonusRule[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const unitMinor = 10 ** minorDigits(settings.currency);

  useEffect(() => {
    let alive = true;
    setError(null);
    (async () => {
      const rules = await api.call('bonusRules.list', {});
      const quotes = await Promise.all(candidates(rules, unitMinor).map((principalMinor) => api.call('topups.quote', { principalMinor })));
      if (alive) setState({ rules, amounts: quotes.map((q) => ({ principalMinor: q.principalMinor, bonusMinor: q.bonusMinor })) });
    })().catch((e: unknown) => {
      if (alive) setError(e);
    });
    return () => {
      alive = false;
    };
  }, [unitMinor, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { amounts: state?.amounts ?? null, rules: state?.rules ?? null, error, reload };
}
