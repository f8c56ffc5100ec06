import { uuidv7 } from 'uuidv7';

/** Globally unique, time-ordered ids (UUIDv7) so records from several tills can later merge without clashes. */
export function newId(): string {
  return uuidv7();
}
