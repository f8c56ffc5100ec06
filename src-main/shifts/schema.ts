/**
 * The shift tables (migration 0008_shifts.sql, written by hand to match). Append-only like the money
 * tables: a shift row when the cashier opens the drawer, one close row when they hand it over — never an
 * UPDATE of the shift — and a link row for each Z report sent to the printer.
 * The migration also indexes bills and top-ups by (till_id, created_at): a shift's figures are a range of
 * them (shifts/totals.ts). Those indexes belong to tables declared in ledger/schema.ts, so they are only
 * in the migration.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { printJobs, staff } from '../ledger/schema.ts';

/** One cashier's turn at one till's drawer, from the opening float on. */
export const shifts = sqliteTable(
  'shifts',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    /** The cashier whose shift it is: their bills, refunds and top-ups on this till make its figures. */
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    /** Cash put in the drawer at the start, to give change with. */
    floatMinor: integer('float_minor').notNull(),
    /** ISO UTC; records of this till with created_at from here to the close belong to the shift. */
    openedAt: text('opened_at').notNull(),
    /** The shop's local day the shift began (lists and the index that finds its bills). */
    businessDate: text('business_date').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('shifts_till_opened').on(t.tillId, t.openedAt), index('shifts_business_date').on(t.businessDate), check('shifts_float_nonneg', sql`${t.floatMinor} >= 0`)],
);

/**
 * The close: what was counted, what the ledger expected then, and the whole Z report as it stood
 * (`totals_json`), so a report printed a month later says exactly what the cashier signed off on.
 * The primary key is the shift: a shift is closed at most once.
 */
export const shiftCloses = sqliteTable(
  'shift_closes',
  {
    shiftId: text('shift_id')
      .primaryKey()
      .references(() => shifts.id),
    tillId: text('till_id').notNull(),
    /** Who closed it: the cashier, or a manager closing for them. */
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    closedAt: text('closed_at').notNull(),
    expectedCashMinor: integer('expected_cash_minor').notNull(),
    countedMinor: integer('counted_minor').notNull(),
    /** counted − expected: positive over, negative short. */
    overShortMinor: integer('over_short_minor').notNull(),
    /** JSON [{ valueMinor, count }] when the drawer was counted note by note; null when a total was typed. */
    denominations: text('denominations'),
    /** JSON ShiftTotals at the close. */
    totalsJson: text('totals_json').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    check('shift_closes_counted_nonneg', sql`${t.countedMinor} >= 0`),
    check('shift_closes_over_short', sql`${t.overShortMinor} = ${t.countedMinor} - ${t.expectedCashMinor}`),
  ],
);

/** A print job that prints a shift's Z report (print_jobs itself names only bills and top-ups). */
export const shiftPrintJobs = sqliteTable(
  'shift_print_jobs',
  {
    printJobId: text('print_job_id')
      .primaryKey()
      .references(() => printJobs.id),
    shiftId: text('shift_id')
      .notNull()
      .references(() => shifts.id),
  },
  (t) => [index('shift_print_jobs_shift').on(t.shiftId)],
);
