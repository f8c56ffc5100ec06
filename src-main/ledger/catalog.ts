/**
 * What the shop sells and how it rewards: products, tiers, top-up bonus rules, and the staff who
 * operate the till. Owner settings, read by every sale.
 */
import { and, asc, desc, eq, isNull, like, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as cmd from './commands.ts';
import type { Ledger } from './db.ts';
import { fail } from './errors.ts';
import { newId } from './ids.ts';
import { perConnection } from './prepared.ts';
import { products, staff, tiers, topupBonusRules } from './schema.ts';
import { isoTime } from './time.ts';
import { inTransaction } from './transaction.ts';
import type { Product, StaffMember, Tier, TopupBonusRule } from './types.ts';

const activeStaff = perConnection((db) => db.select().from(staff).where(and(eq(staff.id, sql.placeholder('staffId')), isNull(staff.archivedAt))).prepare());
const productById = perConnection((db) => db.select().from(products).where(eq(products.id, sql.placeholder('productId'))).prepare());

export function requireStaff(ledger: Ledger, staffId: string): StaffMember {
  const row = activeStaff(ledger.db).get({ staffId });
  if (!row) fail('STAFF_NOT_FOUND');
  return { id: row.id, name: row.name, role: row.role };
}

export function listStaff(ledger: Ledger): StaffMember[] {
  return ledger.db
    .select({ id: staff.id, name: staff.name, role: staff.role })
    .from(staff)
    .where(isNull(staff.archivedAt))
    .orderBy(asc(staff.createdAt))
    .all();
}

function toTier(row: typeof tiers.$inferSelect): Tier {
  return {
    id: row.id,
    name: row.name,
    discountBp: row.discountBp,
    pointsPerUnit: row.pointsPerUnit,
    isDefault: row.isDefault,
    sortOrder: row.sortOrder,
  };
}

export function defaultTier(ledger: Ledger): Tier {
  const row = ledger.db.select().from(tiers).where(eq(tiers.isDefault, true)).get();
  if (!row) fail('TIER_NOT_FOUND');
  return toTier(row);
}

export function listTiers(ledger: Ledger): Tier[] {
  return ledger.db.select().from(tiers).where(isNull(tiers.archivedAt)).orderBy(asc(tiers.sortOrder), asc(tiers.name)).all().map(toTier);
}

export function upsertTier(ledger: Ledger, input: cmd.TierUpsert): Tier {
  const data = cmd.tierUpsert.parse(input);
  return inTransaction(ledger, () => {
    const id = data.id ?? newId();
    if (data.id) {
      if (!ledger.db.select({ id: tiers.id }).from(tiers).where(eq(tiers.id, data.id)).get()) fail('TIER_NOT_FOUND');
      ledger.db.update(tiers).set({ name: data.name, discountBp: data.discountBp, pointsPerUnit: data.pointsPerUnit, sortOrder: data.sortOrder }).where(eq(tiers.id, id)).run();
    } else {
      ledger.db.insert(tiers).values({ id, name: data.name, discountBp: data.discountBp, pointsPerUnit: data.pointsPerUnit, sortOrder: data.sortOrder, createdAt: isoTime(ledger.clock()) }).run();
    }
    return toTier(ledger.db.select().from(tiers).where(eq(tiers.id, id)).get()!);
  });
}

function toProduct(row: typeof products.$inferSelect): Product {
  return { id: row.id, name: row.name, barcode: row.barcode, priceMinor: row.priceMinor, category: row.category, active: row.active };
}

export function getProduct(ledger: Ledger, productId: string): Product {
  const row = productById(ledger.db).get({ productId });
  if (!row) fail('PRODUCT_NOT_FOUND');
  return toProduct(row);
}

export function findProductByBarcode(ledger: Ledger, input: z.input<typeof cmd.productByBarcode>): Product | null {
  const { barcode } = cmd.productByBarcode.parse(input);
  const row = ledger.db.select().from(products).where(and(eq(products.barcode, barcode), eq(products.active, true))).get();
  return row ? toProduct(row) : null;
}

export function listProducts(ledger: Ledger, input: z.input<typeof cmd.productList>): Product[] {
  const { includeInactive, query } = cmd.productList.parse(input);
  const pattern = `%${query.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return ledger.db
    .select()
    .from(products)
    .where(
      and(
        includeInactive ? undefined : eq(products.active, true),
        query ? or(like(products.name, pattern), eq(products.barcode, query), like(products.category, pattern)) : undefined,
      ),
    )
    .orderBy(asc(products.category), asc(products.name))
    .all()
    .map(toProduct);
}

export function upsertProduct(ledger: Ledger, input: cmd.ProductUpsert): Product {
  const data = cmd.productUpsert.parse(input);
  return inTransaction(ledger, () => {
    const barcode = data.barcode ?? null;
    if (barcode) {
      const clash = ledger.db.select({ id: products.id }).from(products).where(eq(products.barcode, barcode)).get();
      if (clash && clash.id !== data.id) fail('BARCODE_TAKEN', { barcode });
    }
    const values = { name: data.name, barcode, priceMinor: data.priceMinor, category: data.category, active: data.active };
    const id = data.id ?? newId();
    if (data.id) {
      getProduct(ledger, data.id);
      ledger.db.update(products).set(values).where(eq(products.id, id)).run();
    } else {
      ledger.db.insert(products).values({ id, ...values, createdAt: isoTime(ledger.clock()) }).run();
    }
    return getProduct(ledger, id);
  });
}

function toRule(row: typeof topupBonusRules.$inferSelect): TopupBonusRule {
  return { id: row.id, minPrincipalMinor: row.minPrincipalMinor, bonusMinor: row.bonusMinor, active: row.active };
}

export function listBonusRules(ledger: Ledger): TopupBonusRule[] {
  return ledger.db.select().from(topupBonusRules).orderBy(asc(topupBonusRules.minPrincipalMinor)).all().map(toRule);
}

export function upsertBonusRule(ledger: Ledger, input: cmd.BonusRuleUpsert): TopupBonusRule {
  const data = cmd.bonusRuleUpsert.parse(input);
  return inTransaction(ledger, () => {
    const id = data.id ?? newId();
    const values = { minPrincipalMinor: data.minPrincipalMinor, bonusMinor: data.bonusMinor, active: data.active };
    if (data.id) {
      if (!ledger.db.select({ id: topupBonusRules.id }).from(topupBonusRules).where(eq(topupBonusRules.id, id)).get()) fail('VALIDATION', { field: 'id' });
      ledger.db.update(topupBonusRules).set(values).where(eq(topupBonusRules.id, id)).run();
    } else {
      ledger.db.insert(topupBonusRules).values({ id, ...values, createdAt: isoTime(ledger.clock()) }).run();
    }
    return toRule(ledger.db.select().from(topupBonusRules).where(eq(topupBonusRules.id, id)).get()!);
  });
}

/** The active rule with the largest threshold the top-up reaches, and the next one up. */
// Every top-up and its quote look these up: built once per connection.
const bonusRuleReached = perConnection((db) =>
  db
    .select()
    .from(topupBonusRules)
    .where(and(eq(topupBonusRules.active, true), lte(topupBonusRules.minPrincipalMinor, sql.placeholder('principalMinor'))))
    .orderBy(desc(topupBonusRules.minPrincipalMinor), desc(topupBonusRules.bonusMinor))
    .limit(1)
    .prepare(),
);
const bonusRuleNext = perConnection((db) =>
  db
    .select()
    .from(topupBonusRules)
    .where(and(eq(topupBonusRules.active, true), sql`${topupBonusRules.minPrincipalMinor} > ${sql.placeholder('principalMinor')}`))
    .orderBy(asc(topupBonusRules.minPrincipalMinor))
    .limit(1)
    .prepare(),
);

export function bonusRuleFor(ledger: Ledger, principalMinor: number): { rule: TopupBonusRule | null; next: TopupBonusRule | null } {
  const rule = bonusRuleReached(ledger.db).get({ principalMinor });
  const next = bonusRuleNext(ledger.db).get({ principalMinor });
  return { rule: rule ? toRule(rule) : null, next: next ? toRule(next) : null };
}
