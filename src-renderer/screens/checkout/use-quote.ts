/**
 * The API's price for the sale as it stands (and, with payments, their outcome): asked again whenever
 * the member, the cart or the payments change; only the answer to the latest question is kept.
 */
import { useEffect, useRef, useState } from 'react';
import type { CheckoutQuoteInput } from '../../../src-main/ledger/commands.ts';
import type { CheckoutQuote } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';

export interface QuoteState {
  quote: CheckoutQuote | null;
  /** The request the quote answers (JSON), to know whether it is current. */
  answers: string | null;
  error: unknown;
  pending: boolean;
}

export function useQuote(input: CheckoutQuoteInput | null): QuoteState & { current: boolean } {
  const key = input ? JSON.stringify(input) : null;
  const [state, setState] = useState<QuoteState>({ quote: null, answers: null, error: null, pending: false });
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!key) {
      setState({ quote: null, answers: null, error: null, pending: false });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    api
      .call('checkout.quote', JSON.parse(key) as CheckoutQuoteInput)
      .then((quote) => {
        if (mine === seq.current) setState({ quote, answers: key, error: null, pending: false });
      })
      .catch((error: unknown) => {
        if (mine === seq.current) setState({ quote: null, answers: key, error, pending: false });
      });
  }, [key]);

  return { ...state, current: state.answers === key && !state.pending };
}
