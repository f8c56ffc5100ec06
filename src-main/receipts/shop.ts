/**
 * The shop as its receipts show it: name, the owner's header and footer lines, and the logo. The logo
 * is kept in its own settings row (not in the settings object every checkout reads), since a PNG is
 * tens of kilobytes.
 */
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { settings as settingsTable } from '../ledger/schema.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { LOGO_PATTERN } from './logo-rules.ts';
import type { ReceiptShop } from './types.ts';

const LOGO_KEY = 'receipt_logo';

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function receiptShop(ledger: Ledger, settings: Settings, withLogo = true): ReceiptShop {
  return {
    name: settings.shopName,
    headerLines: lines(settings.printing.headerText),
    footerLines: lines(settings.printing.footerText),
    logoPng: withLogo ? receiptLogo(ledger) : null,
  };
}

export function receiptLogo(ledger: Ledger): string | null {
  const row = ledger.db.select().from(settingsTable).where(eq(settingsTable.key, LOGO_KEY)).get();
  if (!row) return null;
  const value = JSON.parse(row.value) as unknown;
  return typeof value === 'string' && LOGO_PATTERN.test(value) ? value : null;
}

/** Set (a PNG data URL, checked by the API schema) or remove (null) the receipt logo. */
export function setReceiptLogo(ledger: Ledger, png: string | null): { logoPng: string | null } {
  inTransaction(ledger, () => {
    if (png === null) ledger.db.delete(settingsTable).where(eq(settingsTable.key, LOGO_KEY)).run();
    else ledger.db.insert(settingsTable).values({ key: LOGO_KEY, value: JSON.stringify(png) }).onConflictDoUpdate({ target: settingsTable.key, set: { value: JSON.stringify(png) } }).run();
  });
  return { logoPng: receiptLogo(ledger) };
}
