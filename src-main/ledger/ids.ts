import { uuidv7 } from 'uuidv7';

/** Where ids come from while `withIdSource` runs (the demo generator: reproducible ids); otherwise random. */
let idSource: (() => string) | null = null;

/** Globally unique, time-ordered ids (UUIDv7) so records from several tills can later merge without clashes. */
export function newId(): string {
  return idSource ? idSource() : uuidv7();
}

/**
 * Run `fn` (synchronous) with `newId()` drawing from `source`, then restore the previous source. Only
 * for generators that must be reproducible (the demo shop); `source` must still produce valid UUIDv7s.
 */
export function withIdSource<T>(source: () => string, fn: () => T): T {
  const previous = idSource;
  idSource = source;
  try {
    const result = fn();
    if (result && typeof (result as { then?: unknown }).then === 'function') throw new Error('withIdSource callbacks must be synchronous');
    return result;
  } finally {
    idSource = previous;
  }
}
