/** How the contract names a method: the schema checked at the door, and (type-only) what comes back. */
import type { z } from 'zod';

export interface Method<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type; never read at run time. */
  output?: O;
}

export const method = <O>() => <I extends z.ZodType>(input: I): Method<I, O> => ({ input });
