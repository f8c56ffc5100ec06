/** What a caller may ask of imports and exports, as zod schemas checked at the API's door (plain zod, no Node imports). */
import { z } from 'zod';
import { id, text } from '../ledger/commands.ts';
import { MEMBER_FIELDS, VISIT_FIELDS } from './fields.ts';
import { TEXT_ENCODINGS } from './types.ts';

/** 20 MB of file is about 26.7 million base64 characters. */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4;
const column = z.number().int().min(0).max(999);

/** Made by the screen for one preview or import, so it can ask how far that call has got. */
export const progressKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/);

const fileFields = {
  fileName: text(200).default(''),
  base64: z.string().min(1).max(MAX_BASE64),
  /** Read a text file in this encoding instead of the one detected. */
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  progressKey: progressKey.optional(),
};

const membersFile = z.object({ kind: z.literal('members'), ...fileFields, mapping: z.partialRecord(z.enum(MEMBER_FIELDS), column).optional() });
const visitsFile = z.object({ kind: z.literal('visits'), ...fileFields, mapping: z.partialRecord(z.enum(VISIT_FIELDS), column).optional() });

/** Check a file: every row, nothing written. Without a mapping, the one its headers suggest. */
export const importPreview = z.discriminatedUnion('kind', [membersFile, visitsFile]);

const commitFields = {
  staffId: id,
  /** Written on every opening ledger entry and on the batch: why these balances exist. */
  reason: text(200, 1),
};
/** Write every good row in one transaction. The mapping is the one the owner saw in the preview. */
export const importCommit = z.discriminatedUnion('kind', [
  membersFile.extend({ ...commitFields, mapping: membersFile.shape.mapping.unwrap() }),
  visitsFile.extend({ ...commitFields, mapping: visitsFile.shape.mapping.unwrap() }),
]);

export const importProgressQuery = z.object({ progressKey });
export const importBatchList = z.object({ limit: z.number().int().min(1).max(200).default(20) });
export const importBatchRef = z.object({ batchId: id });

export const exportMembers = z.object({ format: z.enum(['csv', 'xlsx']), includeArchived: z.boolean().default(true) });

export type ImportPreviewInput = z.output<typeof importPreview>;
export type ImportCommitInput = z.output<typeof importCommit>;
