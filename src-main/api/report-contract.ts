/** The API methods of the back office's reports: spread into the one contract (contract.ts). */
// import { method } from './method.ts';

export const reportMethods = {} as const;
