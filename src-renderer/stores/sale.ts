/**
 * The sale on the till: who it is for, the cart, what was entered as payment, and the finished bill.
 * Kept in a store (not in the screen) so a trip to another screen — a member's page, a new member —
 * finds the sale as it was left. Money here is only what the cashier entered; prices, discounts,
 * points and balances come from the API's quote.
 */
import { create } from 'zustand';
import type { OutputOf } from '../../src-main/api/contract.ts';
import type { MemberSummary, Product } from '../../src-main/ledger/types.ts';

/** The commit's answer: the bill, the member after it, and what became of the receipt. */
type CheckoutResult = OutputOf<'checkout.commit'>;

export type CartLine =
  | { key: string; kind: 'product'; productId: string; name: string; unitPriceMinor: number; quantity: number }
  | { key: string; kind: 'free'; name: string; unitPriceMinor: number; quantity: number };

/** Ways to pay at the till, in the order the payment panel lists them. */
export const TENDER_METHODS = ['stored_value', 'points', 'cash', 'card', 'wechat', 'alipay'] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];

export type SalePhase = 'cart' | 'pay' | 'done';

interface SaleState {
  phase: SalePhase;
  member: MemberSummary | null;
  /** The cashier said "no member" (F10); a member can still be chosen until payment. */
  walkIn: boolean;
  lines: CartLine[];
  /** Key of the line the quantity keys act on (the last one added, or the one moved to). */
  selectedKey: string | null;
  /** Per method: the amount entered (for cash: what the customer handed over), null if empty. */
  entered: Record<TenderMethod, number | null>;
  result: CheckoutResult | null;

  setMember: (member: MemberSummary | null) => void;
  setWalkIn: () => void;
  /** Neither a member nor a walk-in yet: back to asking who the sale is for. */
  clearMember: () => void;
  addProduct: (product: Product) => void;
  addFree: (name: string, amountMinor: number) => void;
  changeQuantity: (key: string, delta: number) => void;
  removeLine: (key: string) => void;
  selectLine: (key: string | null) => void;
  startPayment: () => void;
  backToCart: () => void;
  enter: (method: TenderMethod, amountMinor: number | null) => void;
  finish: (result: CheckoutResult) => void;
  /** A new, empty sale. */
  reset: () => void;
}

const NO_PAYMENTS: Record<TenderMethod, number | null> = { stored_value: null, points: null, cash: null, card: null, wechat: null, alipay: null };
const MAX_QUANTITY = 9999;

let lineSeq = 0;
const nextKey = () => `l${++lineSeq}`;

const EMPTY = { phase: 'cart' as SalePhase, member: null, walkIn: false, lines: [], selectedKey: null, entered: NO_PAYMENTS, result: null };

export const useSale = create<SaleState>()((set) => ({
  ...EMPTY,

  setMember: (member) => set({ member, walkIn: false, entered: NO_PAYMENTS }),
  setWalkIn: () => set({ member: null, walkIn: true, entered: NO_PAYMENTS }),
  clearMember: () => set({ member: null, walkIn: false, entered: NO_PAYMENTS }),

  addProduct: (product) =>
    set((s) => {
      // Scanning the same product again counts it again, on the line it already has.
      const existing = s.lines.find((l) => l.kind === 'product' && l.productId === product.id);
      if (existing) {
        return {
          lines: s.lines.map((l) => (l === existing ? { ...l, quantity: Math.min(l.quantity + 1, MAX_QUANTITY) } : l)),
          selectedKey: existing.key,
        };
      }
      const line: CartLine = { key: nextKey(), kind: 'product', productId: product.id, name: product.name, unitPriceMinor: product.priceMinor, quantity: 1 };
      return { lines: [...s.lines, line], selectedKey: line.key };
    }),

  addFree: (name, amountMinor) =>
    set((s) => {
      const line: CartLine = { key: nextKey(), kind: 'free', name, unitPriceMinor: amountMinor, quantity: 1 };
      return { lines: [...s.lines, line], selectedKey: line.key };
    }),

  changeQuantity: (key, delta) =>
    set((s) => ({
      lines: s.lines.map((l) => (l.key === key ? { ...l, quantity: Math.max(1, Math.min(MAX_QUANTITY, l.quantity + delta)) } : l)),
    })),

  removeLine: (key) =>
    set((s) => {
      const index = s.lines.findIndex((l) => l.key === key);
      const lines = s.lines.filter((l) => l.key !== key);
      const neighbour = lines[Math.min(index, lines.length - 1)];
      return { lines, selectedKey: neighbour?.key ?? null };
    }),

  selectLine: (key) => set({ selectedKey: key }),
  startPayment: () => set({ phase: 'pay', entered: NO_PAYMENTS }),
  backToCart: () => set({ phase: 'cart' }),
  enter: (method, amountMinor) => set((s) => ({ entered: { ...s.entered, [method]: amountMinor } })),
  finish: (result) => set({ phase: 'done', result }),
  reset: () => set({ ...EMPTY }),
}));

/** The cart as the API wants it. */
export function apiLines(lines: readonly CartLine[]) {
  return lines.map((l) => (l.kind === 'product' ? { productId: l.productId, quantity: l.quantity } : { name: l.name, amountMinor: l.unitPriceMinor, quantity: l.quantity }));
}
