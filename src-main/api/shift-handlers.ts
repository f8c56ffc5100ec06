/** The handlers of the shifts methods (shift-contract.ts). */
import type { Handlers } from './handlers.ts';
import type { shiftMethods } from './shift-contract.ts';

type ShiftMethod = keyof typeof shiftMethods;

export const shiftHandlers: Pick<Handlers, ShiftMethod> = {};
