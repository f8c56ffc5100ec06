import type { Ledger } from './db.ts';
import { settings } from './schema.ts';
import { inTransaction } from './transaction.ts';
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from './settings-schema.ts';

export function getSettings(ledger: Pick<Ledger, 'db'>): Settings {
  const rows = ledger.db.select().from(settings).all();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  // A value that no longer fits the schema (written by an older version) falls back to the default.
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function updateSettings(ledger: Ledger, patch: SettingsPatch): Settings {
  return inTransaction(ledger, () => {
    const next = settingsSchema.parse({ ...getSettings(ledger), ...patch });
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const json = JSON.stringify(next[key as keyof Settings]);
      ledger.db
        .insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
    }
    return next;
  });
}

