/**
 * One API read kept on screen: asks again whenever the input changes (the latest input wins, an older
 * answer arriving late is dropped), keeps showing the last answer meanwhile (`stale`), and with
 * `refreshMs` asks again that long after each answer, for lists that change by themselves (the outbox
 * while messages go out); as a function of the answer it decides each time (null: stop asking).
 * `null` input: nothing is asked.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../src-main/api/contract.ts';
import { api } from '../api.ts';

export interface ApiQuery<T> {
  data: T | null;
  error: unknown;
  /** A call for the current input is under way (data, if any, is the previous answer). */
  loading: boolean;
  /** The data shown answers an older input. */
  stale: boolean;
  reload: () => void;
}

type Refresh<O> = number | null | ((answer: O) => number | null);

export function useApiQuery<M extends MethodName>(method: M, input: InputOf<M> | null, options: { refreshMs?: Refresh<OutputOf<M>> } = {}): ApiQuery<OutputOf<M>> {
  const key = input === null ? null : JSON.stringify(input);
  const [answer, setAnswer] = useState<{ key: string; data: OutputOf<M> } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  const refreshRef = useRef(options.refreshMs ?? null);
  refreshRef.current = options.refreshMs ?? null;

  useEffect(() => {
    if (key === null || inputRef.current === null) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setLoading(true);
    api
      .call(method, inputRef.current)
      .then((data) => {
        if (!alive) return;
        setAnswer({ key, data });
        setError(null);
        const refresh = refreshRef.current;
        const after = typeof refresh === 'function' ? refresh(data) : refresh;
        if (after !== null) timer = setTimeout(() => setAttempt((n) => n + 1), after);
      })
      .catch((e: unknown) => {
        if (alive) setError(e);
      })
      .finally(() => {
        if (alive) setLoading(false);
      });
    return () => {
      alive = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [method, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: answer?.data ?? null, error, loading, stale: answer !== null && answer.key !== key, reload };
}
