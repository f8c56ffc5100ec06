/** The API methods of the back office's shifts: spread into the one contract (contract.ts). */
// import { method } from './method.ts';

export const shiftMethods = {} as const;
