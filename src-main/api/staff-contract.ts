/** The API methods of the back office's staff: spread into the one contract (contract.ts). */
// import { method } from './method.ts';

export const staffMethods = {} as const;
