/**
 * The demo café's fixed setup: its name, staff (with the PINs of demo-staff.ts), tiers, products and
 * top-up bonus rules, written through the ledger's own use cases.
 */
import type { Ledger } from '../ledger/db.ts';
import { defaultTier, listStaff, upsertBonusRule, upsertProduct, upsertTier } from '../ledger/catalog.ts';
import { updateSettings } from '../ledger/settings.ts';
import type { Product, StaffMember, Tier } from '../ledger/types.ts';
import { setStaffPin, upsertStaff } from '../staff/staff.ts';
import { DEMO_OWNER_PIN, DEMO_SHOP_NAME, DEMO_STAFF } from './demo-staff.ts';

export { DEMO_SHOP_NAME } from './demo-staff.ts';

/** name, price (fen), category, how often it is ordered (relative weight). */
const PRODUCTS: ReadonlyArray<readonly [string, number, string, number]> = [
  ['美式', 2200, '咖啡', 20],
  ['拿铁', 2800, '咖啡', 26],
  ['燕麦拿铁', 3200, '咖啡', 9],
  ['卡布奇诺', 2800, '咖啡', 8],
  ['冷萃', 3000, '咖啡', 7],
  ['手冲 · 耶加雪菲', 3800, '咖啡', 3],
  ['抹茶拿铁', 3000, '饮品', 6],
  ['可颂', 1500, '烘焙', 15],
  ['肉桂卷', 1800, '烘焙', 6],
  ['贝果', 1600, '烘焙', 5],
  ['火腿芝士三明治', 2800, '烘焙', 5],
  ['巴斯克芝士蛋糕', 3200, '蛋糕', 5],
  ['提拉米苏', 3500, '蛋糕', 4],
  ['咖啡豆 · 每日拼配 250g', 9800, '零售', 1],
];

/** Lines typed in by amount rather than picked from the catalog. */
export const FREE_LINES: ReadonlyArray<readonly [string, number]> = [
  ['加一份浓缩', 500],
  ['换燕麦奶', 300],
  ['打包袋', 100],
  ['生日蜡烛', 200],
  ['蛋糕切块（自定）', 2500],
];

export interface DemoProduct extends Product {
  weight: number;
}

export interface DemoShop {
  owner: StaffMember;
  morning: StaffMember;
  afternoon: StaffMember;
  manager: StaffMember;
  tiers: { standard: Tier; silver: Tier; gold: Tier };
  products: DemoProduct[];
}

/** EAN-13: twelve digits and their check digit. */
export function ean13(twelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return twelve + String((10 - (sum % 10)) % 10);
}

export function setUpShop(ledger: Ledger): DemoShop {
  updateSettings(ledger, { shopName: DEMO_SHOP_NAME, currency: 'CNY', locale: 'zh-CN' });

  // Each person with their demo PIN (set again on a second run: the PINs are the README's).
  const addStaff = (name: string): StaffMember => {
    const person = DEMO_STAFF.find((p) => p.name === name)!;
    const existing = listStaff(ledger).find((s) => s.name === name);
    const saved = existing ? setStaffPin(ledger, existing.id, person.pin) : upsertStaff(ledger, { name, role: person.role, pin: person.pin });
    return { id: saved.id, name: saved.name, role: saved.role };
  };
  const firstOwner = listStaff(ledger).find((s) => s.role === 'owner');
  if (!firstOwner) throw new Error('the ledger has no owner account');
  setStaffPin(ledger, firstOwner.id, DEMO_OWNER_PIN);
  const owner = firstOwner;
  const morning = addStaff('小林');
  const afternoon = addStaff('Amy');
  const manager = addStaff('周店长');

  const standard = defaultTier(ledger);
  const silver = upsertTier(ledger, { name: '银卡', discountBp: 500, pointsPerUnit: 2, sortOrder: 10 });
  const gold = upsertTier(ledger, { name: '金卡', discountBp: 1000, pointsPerUnit: 3, sortOrder: 20 });

  const products = PRODUCTS.map(([name, priceMinor, category, weight], i) => ({
    ...upsertProduct(ledger, { name, priceMinor, category, barcode: ean13(`69212345${String(1001 + i).padStart(4, '0')}`) }),
    weight,
  }));

  upsertBonusRule(ledger, { minPrincipalMinor: 20_000, bonusMinor: 1_000 });
  upsertBonusRule(ledger, { minPrincipalMinor: 50_000, bonusMinor: 5_000 });
  upsertBonusRule(ledger, { minPrincipalMinor: 100_000, bonusMinor: 15_000 });

  return { owner, morning, afternoon, manager, tiers: { standard, silver, gold }, products };
}
