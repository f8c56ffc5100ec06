/**
 * The demo café's people and their PINs (README, "demo shop"). Plain data with no imports: the sign-in
 * screen shows the PINs as a hint, but only in the demo shop, recognized by its name and its people.
 */
import type { StaffRole } from '../ledger/types.ts';

export const DEMO_SHOP_NAME = '常客咖啡 · 示例店';

export interface DemoPerson {
  name: string;
  role: StaffRole;
  pin: string;
}

/** The owner is the row every new file starts with (named 店主); the others are added by the demo. */
export const DEMO_STAFF: readonly DemoPerson[] = [
  { name: '店主', role: 'owner', pin: '1234' },
  { name: '小林', role: 'cashier', pin: '1111' },
  { name: 'Amy', role: 'cashier', pin: '2222' },
  { name: '周店长', role: 'manager', pin: '3333' },
];

export const DEMO_OWNER_PIN = DEMO_STAFF[0]!.pin;

/** A demo person's PIN, when this shop is the demo and the person one of its people. */
export function demoPinOf(shopName: string, person: { name: string; role: StaffRole }): string | null {
  if (shopName !== DEMO_SHOP_NAME) return null;
  return DEMO_STAFF.find((p) => p.name === person.name && p.role === person.role)?.pin ?? null;
}
