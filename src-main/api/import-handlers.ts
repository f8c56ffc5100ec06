/** The handlers of the imports methods (import-contract.ts). */
import type { Handlers } from './handlers.ts';
import type { importMethods } from './import-contract.ts';

type ImportMethod = keyof typeof importMethods;

export const importHandlers: Pick<Handlers, ImportMethod> = {};
