/**
 * The ranges of the settings' number fields, read from the settings schema itself, so a field's hint,
 * its check and the ledger's refusal can never disagree.
 */
import type { z } from 'zod';

export interface Limits {
  min: number;
  max: number;
}

export function limitsOf(schema: z.ZodNumber): Limits {
  if (schema.minValue === null || schema.maxValue === null) throw new Error('a settings number without a range');
  return { min: schema.minValue, max: schema.maxValue };
}
