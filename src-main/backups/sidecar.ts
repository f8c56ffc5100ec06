/**
 * A small JSON file beside each backup (`<backup>.json`): its kind, when it was taken, its figures for
 * the list, and the SHA-256 of the backup file, so that a file damaged or changed afterwards is
 * recognised even where SQLite's own check would not notice (a changed byte inside a row).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { SIDECAR_SUFFIX } from './names.ts';

const sidecarSchema = z.object({
  format: z.literal(1),
  kind: z.enum(['manual', 'auto', 'pre-restore']),
  takenAt: z.string(),
  appVersion: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().min(0),
  facts: z.object({
    memberCount: z.number().int().min(0),
    billCount: z.number().int().min(0),
    lastBillAt: z.string().nullable(),
    schemaVersion: z.number().int().min(0),
  }),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

export function sidecarPath(file: string): string {
  return `${file}${SIDECAR_SUFFIX}`;
}

/** The sidecar of a backup file; null when it has none, or one that cannot be read. */
export function readSidecar(file: string): Sidecar | null {
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(fs.readFileSync(sidecarPath(file), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSidecarFile(target: string, sidecar: Sidecar): void {
  fs.writeFileSync(target, `${JSON.stringify(sidecar, null, 2)}\n`);
}

/** SHA-256 of a file, read in 1 MB pieces (a large data file is never held in memory whole). */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
