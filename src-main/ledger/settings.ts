import type { Ledger } from './db.ts';
import { perConnection } from './prepared.ts';
import { refreshAllMemberFigures } from './member-figures.ts';
import { settings } from './schema.ts';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from './settings-schema.ts';
import { inTransaction } from './transaction.ts';

const settingRows = perConnection((db) => db.select().from(settings).prepare());
/** The last answer per connection, by the stored text it was parsed from (a checkout reads the settings several times). */
const parsedByConnection = new WeakMap<object, { stored: string; settings: Settings }>();

/**
 * The shop's settings: each stored value that still fits its schema, the default for the rest. Parsed
 * again only when the stored text changed; the answer is frozen, since it is shared.
 */
export function getSettings(ledger: Pick<Ledger, 'db'>): Settings {
  const rows = settingRows(ledger.db).all();
  const stored = rows.map((r) => `${r.key}\u0000${r.value}`).join('\u0001');
  const cached = parsedByConnection.get(ledger.db);
  if (cached?.stored === stored) return cached.settings;
  const parsed = deepFreeze(parseSettings(rows));
  parsedByConnection.set(ledger.db, { stored, settings: parsed });
  return parsed;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function parseSettings(rows: ReadonlyArray<{ key: string; value: string }>): Settings {
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const field = settingsSchema.shape[row.key as keyof Settings];
    if (!field) continue;
    // A value written by an older version that no longer fits falls back to the default, alone.
    const parsed = field.safeParse(JSON.parse(row.value));
    if (parsed.success) result[row.key] = parsed.data;
  }
  return result as Settings;
}

/** Save only the settings in `patch`; the others keep their stored values. */
export function updateSettings(ledger: Ledger, patch: SettingsPatch): Settings {
  const data = settingsPatchSchema.parse(patch);
  return inTransaction(ledger, () => {
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) continue;
      const json = JSON.stringify(value);
      ledger.db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
    }
    const saved = getSettings(ledger);
    // A new lapsed rule: every member's lapsed day under it, in this same transaction.
    if (data.retention) refreshAllMemberFigures(ledger, saved.retention);
    return saved;
  });
}
