/**
 * Property test (fast-check) from the shop's default settings (proportional spending, stored value
 * earns no points, refunds reverse earned points, restore redeemed points and return bonus). See
 * ./model-run.ts for what is generated and checked after every command.
 */
import { describe, it } from 'vitest';
import { runModelProperty } from './model-run.ts';

const RUNS = Number(process.env['REGULARS_PROPERTY_RUNS'] ?? 50);

describe('ledger model, default settings', () => {
  it(`keeps every money rule over ${RUNS} random sequences of 30–80 commands`, { timeout: 300_000 }, () => {
    runModelProperty({ numRuns: RUNS });
  });
});
