/** The API methods of the back office's backups: spread into the one contract (contract.ts). */
// import { method } from './method.ts';

export const backupMethods = {} as const;
