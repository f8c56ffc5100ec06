/** The API methods of the back office's imports: spread into the one contract (contract.ts). */
// import { method } from './method.ts';

export const importMethods = {} as const;
