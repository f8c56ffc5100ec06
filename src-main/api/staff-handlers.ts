/** The handlers of the staff methods (staff-contract.ts). */
import type { Handlers } from './handlers.ts';
import type { staffMethods } from './staff-contract.ts';

type StaffMethod = keyof typeof staffMethods;

export const staffHandlers: Pick<Handlers, StaffMethod> = {};
