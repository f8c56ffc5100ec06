/** The backups API's inputs (plain zod, no Node imports: the screen checks with the same rules). */
import { z } from 'zod';
import { settingsSchema } from '../ledger/settings-schema.ts';

const setting = settingsSchema.shape.backups.shape;

/** A backup file by its full path, as `backups.list` answered it (or as the owner typed it). */
export const backupFile = z.object({ file: z.string().trim().min(1).max(4096) });

/** The integrity check: of the live data without `file`, else of that backup file. */
export const backupCheck = z.object({ file: z.string().trim().min(1).max(4096).optional() }).default({});

/** Only what changed; '' as the folder means the default (<data dir>/backups). */
export const backupConfigure = z.object({
  folder: setting.folder.optional(),
  daily: setting.daily.optional(),
  keep: setting.keep.optional(),
});
