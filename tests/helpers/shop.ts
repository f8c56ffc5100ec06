/**
 * A small shop to test against: tiers with awkward rates, products with awkward prices, top-up bonus
 * rules (one inactive), and members on each tier.
 */
import { upsertBonusRule, upsertProduct, upsertTier, defaultTier } from '../../src-main/ledger/catalog.ts';
import type { Ledger } from '../../src-main/ledger/db.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import type { Member, Product, Tier, TopupBonusRule } from '../../src-main/ledger/types.ts';

export interface Shop {
  tiers: { basic: Tier; silver: Tier; gold: Tier };
  products: { coffee: Product; cake: Product; penny: Product; beans: Product; free: Product; retired: Product };
  rules: TopupBonusRule[];
  inactiveRule: TopupBonusRule;
  members: Member[];
}

export function seedShop(ledger: Ledger, staffId: string, memberCount = 3): Shop {
  const basic = defaultTier(ledger);
  const silver = upsertTier(ledger, { name: '银卡', discountBp: 500, pointsPerUnit: 2, sortOrder: 1 });
  const gold = upsertTier(ledger, { name: '金卡', discountBp: 1250, pointsPerUnit: 3, sortOrder: 2 });
  const products = {
    coffee: upsertProduct(ledger, { name: '美式咖啡', priceMinor: 1999, barcode: '690000000001' }),
    cake: upsertProduct(ledger, { name: '芝士蛋糕', priceMinor: 3333 }),
    penny: upsertProduct(ledger, { name: '小包装糖', priceMinor: 1 }),
    beans: upsertProduct(ledger, { name: '咖啡豆 1kg', priceMinor: 12345 }),
    free: upsertProduct(ledger, { name: '试吃', priceMinor: 0 }),
    retired: upsertProduct(ledger, { name: '旧款杯子', priceMinor: 2500, active: false }),
  };
  const rules = [
    upsertBonusRule(ledger, { minPrincipalMinor: 10_000, bonusMinor: 1_000 }),
    upsertBonusRule(ledger, { minPrincipalMinor: 50_000, bonusMinor: 8_000 }),
    upsertBonusRule(ledger, { minPrincipalMinor: 100_000, bonusMinor: 20_000 }),
  ];
  const inactiveRule = upsertBonusRule(ledger, { minPrincipalMinor: 20_000, bonusMinor: 99_999, active: false });
  const tierList = [basic, silver, gold];
  const names = ['张三', '李四', 'Anna Müller', '王小明', '😀 Emoji'];
  const members: Member[] = [];
  for (let i = 0; i < memberCount; i++) {
    members.push(
      createMember(ledger, {
        staffId,
        phone: `1380013${String(8000 + i).padStart(4, '0')}`,
        name: names[i % names.length]!,
        tierId: tierList[i % tierList.length]!.id,
      }),
    );
  }
  return { tiers: { basic, silver, gold }, products, rules, inactiveRule, members };
}
