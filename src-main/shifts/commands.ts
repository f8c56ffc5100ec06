/** What a caller may ask of shifts, as zod schemas (plain zod, no Node imports: the contract uses them). */
import { z } from 'zod';
import { amountOrZero, businessDate, id, idempotencyKey, text } from '../ledger/commands.ts';
import { MAX_DENOMINATION_COUNT } from './denominations.ts';

export const shiftOpen = z.object({
  idempotencyKey,
  staffId: id,
  /** Cash in the drawer at the start; 0 is a drawer opened empty. */
  floatMinor: amountOrZero,
  note: text(200).default(''),
});
export type ShiftOpen = z.input<typeof shiftOpen>;

const denomination = z.object({
  valueMinor: z.number().int().min(1),
  count: z.number().int().min(0).max(MAX_DENOMINATION_COUNT),
});

/** The counted cash: a typed total, or the count note by note (the ledger adds it up). */
export const shiftClose = z
  .object({
    idempotencyKey,
    shiftId: id,
    /** Who closes: the shift's cashier or someone closing for them. */
    staffId: id,
    countedMinor: amountOrZero.optional(),
    denominations: z
      .array(denomination)
      .max(30)
      .refine((ds) => new Set(ds.map((d) => d.valueMinor)).size === ds.length, { message: 'one count per denomination' })
      .optional(),
    note: text(200).default(''),
  })
  .refine((c) => (c.countedMinor === undefined) !== (c.denominations === undefined), { message: 'give countedMinor or denominations', path: ['countedMinor'] });
export type ShiftClose = z.input<typeof shiftClose>;

export const shiftRef = z.object({ shiftId: id });
export const shiftPrint = z.object({ shiftId: id, staffId: id });

/** Shifts opened on these business days (inclusive), newest first. */
export const shiftList = z
  .object({ from: businessDate, to: businessDate, limit: z.number().int().min(1).max(500).default(200) })
  .refine((q) => q.from <= q.to, { message: 'from after to', path: ['to'] });
