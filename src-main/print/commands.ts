/** What a caller may ask of printing, PDFs and statements, as zod schemas (plain zod, no Node imports). */
import { z } from 'zod';
import { businessDate, id } from '../ledger/commands.ts';
import { LOGO_PATTERN, MAX_LOGO_BYTES } from '../receipts/logo-rules.ts';

/** A bill or a top-up: exactly one of the two. */
const refFields = { billId: id.optional(), topupId: id.optional() };
const exactlyOne = (r: { billId?: string | undefined; topupId?: string | undefined }) => (r.billId === undefined) !== (r.topupId === undefined);
const oneRef = { message: 'give billId or topupId', path: ['billId'] };

export const receiptRef = z.object(refFields).refine(exactlyOne, oneRef);
export const printReceipt = z.object({ ...refFields, staffId: id }).refine(exactlyOne, oneRef);
export const printJobQuery = z.object({ jobId: id, waitMs: z.number().int().min(0).max(15_000).default(0) });
export const printTest = z.object({ staffId: id });
/** base64 is 4/3 of the bytes. */
export const receiptLogo = z.object({ png: z.string().max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 30).regex(LOGO_PATTERN).nullable() });
export const statementQuery = z.object({ memberId: id, from: businessDate, to: businessDate }).refine((q) => q.from <= q.to, { message: 'from after to', path: ['to'] });

export type ReceiptRefInput = z.output<typeof receiptRef>;

/** The API's loose pair → the receipts module's ref. */
export function refOf(input: { billId?: string | undefined; topupId?: string | undefined }): { billId: string } | { topupId: string } {
  return input.billId !== undefined ? { billId: input.billId } : { topupId: input.topupId! };
}
