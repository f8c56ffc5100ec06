import { eq } from 'drizzle-orm';
import type { Clock, Db } from './db.ts';
import { newId } from './ids.ts';
import { staff, tiers, tills } from './schema.ts';
import { isoTime } from './time.ts';

/**
 * Rows every data file has: this till's identity, a default tier and an owner account. Idempotent; runs
 * on every open. Returns the local till id.
 */
export function seedDefaults(db: Db, clock: Clock): string {
  const now = isoTime(clock());
  return db.transaction((tx) => {
    let till = tx.select().from(tills).where(eq(tills.isLocal, true)).get();
    if (!till) {
      till = { id: newId(), name: 'Till 1', isLocal: true, createdAt: now };
      tx.insert(tills).values(till).run();
    }
    if (!tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.isDefault, true)).get()) {
      tx.insert(tiers).values({ id: newId(), name: '普通会员', discountBp: 0, pointsPerUnit: 1, isDefault: true, sortOrder: 0, createdAt: now }).run();
    }
    if (!tx.select({ id: staff.id }).from(staff).get()) {
      tx.insert(staff).values({ id: newId(), tillId: till.id, name: '店主', role: 'owner', createdAt: now }).run();
    }
    return till.id;
  });
}
