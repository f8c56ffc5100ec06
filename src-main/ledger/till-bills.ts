/**
 * "Bills taken at the till": every sale and refund this shop's tills wrote, and not the past visits
 * imported from another system (bills.import_batch_id, migrations/0009). Those count in a member's
 * visit history, but no money changed hands here, so no day total, shift, sales, payment or spend
 * figure includes them. Written once: as a drizzle condition and as SQL over the bills table aliased `b`.
 */
import { isNull } from 'drizzle-orm';
import { bills } from './schema.ts';

export const takenAtTill = isNull(bills.importBatchId);

export const TILL_BILL = 'b.import_batch_id is null';
