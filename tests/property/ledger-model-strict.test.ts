/**
 * Property test (fast-check) from the strict end of the settings: bonus spent first, stored value
 * earns points, refunds keep nothing back for the member (earned points reversed, redeemed points and
 * bonus forfeited), points redeemed at 250 per ¥1. The commands keep changing settings from there.
 * See ./model-run.ts for what is generated and checked after every command.
 */
import { describe, it } from 'vitest';
import { runModelProperty } from './model-run.ts';

const RUNS = Number(process.env['REGULARS_PROPERTY_RUNS'] ?? 50);

describe('ledger model, strict settings', () => {
  it(`keeps every money rule over ${RUNS} random sequences of 30–80 commands`, { timeout: 300_000 }, () => {
    runModelProperty({
      numRuns: RUNS,
      initialSettings: {
        walletSpendOrder: 'bonus_first',
        storedValueEarnsPoints: true,
        refundPolicy: { earnedPoints: 'reverse', redeemedPoints: 'forfeit', bonus: 'forfeit' },
        pointsRedemption: { enabled: true, pointsPerUnit: 250 },
      },
    });
  });
});
