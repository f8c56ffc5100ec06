/**
 * Hand-built receipts and statements for the renderers' tests (ESC/POS, HTML, PDF): each field set to
 * a value a test can look for. Tests of receipts read from a real ledger live elsewhere.
 */
import type { Receipt, ReceiptShop, Statement } from '../../src-main/receipts/types.ts';

export const SAMPLE_SHOP: ReceiptShop = {
  name: '街角咖啡',
  headerLines: ['上海市徐汇区天平路 88 号', '电话 021-6400 1234'],
  footerLines: ['谢谢惠顾，欢迎再来'],
  logoPng: null,
};

/** A member's sale: two lines, a tier discount, ¥30 from stored value and the rest in cash with change. */
export function sampleSale(overrides: Partial<Receipt> = {}): Receipt {
  return {
    kind: 'sale',
    id: '0193a5b0-0000-7000-8000-000000000001',
    number: '20261123-01-0042',
    originalNumber: null,
    createdAt: '2026-11-23T06:05:00.000Z',
    businessDate: '2026-11-23',
    staffName: '王小明',
    shop: SAMPLE_SHOP,
    currency: 'CNY',
    locale: 'zh-CN',
    localTime: '2026-11-23 14:05',
    member: { name: '曾晓雯', code: 'M000123', phoneMasked: '138****5678', tierName: '金卡' },
    lines: [
      { name: '拿铁（大杯）', quantity: 2, unitPriceMinor: 3200, discountMinor: 640, netMinor: 5760 },
      { name: '芝士蛋糕', quantity: 1, unitPriceMinor: 2800, discountMinor: 280, netMinor: 2520 },
    ],
    subtotalMinor: 9200,
    discountMinor: 920,
    totalMinor: 8280,
    payments: [
      { method: 'stored_value', amountMinor: 3000, tenderedMinor: null, changeMinor: null, points: 0 },
      { method: 'cash', amountMinor: 5280, tenderedMinor: 6000, changeMinor: 720, points: 0 },
    ],
    topup: null,
    pointsEarned: 52,
    pointsRedeemed: 0,
    balanceAfter: { principalMinor: 15000, bonusMinor: 2350 },
    pointsAfter: 1288,
    cashMoved: true,
    qrData: 'M000123',
    reprint: false,
    ...overrides,
  };
}

/** The same member paying by WeChat only: no cash, so no drawer kick. */
export function sampleWechatSale(): Receipt {
  return sampleSale({
    id: '0193a5b0-0000-7000-8000-000000000002',
    number: '20261123-01-0043',
    payments: [{ method: 'wechat', amountMinor: 8280, tenderedMinor: null, changeMinor: null, points: 0 }],
    balanceAfter: { principalMinor: 18000, bonusMinor: 2350 },
    pointsEarned: 82,
    pointsAfter: 1370,
    cashMoved: false,
  });
}

export function sampleTopup(): Receipt {
  return sampleSale({
    kind: 'topup',
    id: '0193a5b0-0000-7000-8000-000000000003',
    number: 'T20261123-3F9A',
    lines: [],
    subtotalMinor: 50000,
    discountMinor: 0,
    totalMinor: 50000,
    payments: [{ method: 'alipay', amountMinor: 50000, tenderedMinor: null, changeMinor: null, points: 0 }],
    topup: { principalMinor: 50000, bonusMinor: 5000, method: 'alipay' },
    pointsEarned: 0,
    balanceAfter: { principalMinor: 65000, bonusMinor: 7350 },
    pointsAfter: 1288,
    cashMoved: false,
  });
}

/** A walk-in's refund of one cake, cash back. */
export function sampleRefund(): Receipt {
  return sampleSale({
    kind: 'refund',
    id: '0193a5b0-0000-7000-8000-000000000004',
    number: '20261123-01-0044',
    originalNumber: '20261123-01-0040',
    member: null,
    lines: [{ name: '芝士蛋糕', quantity: -1, unitPriceMinor: 2800, discountMinor: 0, netMinor: -2800 }],
    subtotalMinor: -2800,
    discountMinor: 0,
    totalMinor: -2800,
    payments: [{ method: 'cash', amountMinor: -2800, tenderedMinor: null, changeMinor: null, points: 0 }],
    pointsEarned: 0,
    balanceAfter: null,
    pointsAfter: null,
    cashMoved: true,
    qrData: '20261123-01-0044',
  });
}

/** A statement with `entryCount` purchases and a top-up every tenth row (long enough to need pages). */
export function sampleStatement(entryCount = 12): Statement {
  const entries: Statement['entries'] = [];
  let balance = 20000;
  let points = 500;
  for (let i = 0; i < entryCount; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    if (i % 10 === 0) {
      balance += 55000;
      entries.push({ createdAt: `2026-10-${day}T02:00:00.000Z`, localTime: `2026-10-${day} 10:00`, kind: 'topup', reference: `T202610${day}-${i}`, description: '', amountMinor: 50000, storedValueDeltaMinor: 55000, balanceAfterMinor: balance, pointsDelta: 0, pointsAfter: points });
    } else {
      balance -= 3100;
      points += 31;
      entries.push({ createdAt: `2026-10-${day}T03:00:00.000Z`, localTime: `2026-10-${day} 11:00`, kind: 'sale', reference: `202610${day}-01-${String(i).padStart(4, '0')}`, description: '', amountMinor: 3100, storedValueDeltaMinor: -3100, balanceAfterMinor: balance, pointsDelta: 31, pointsAfter: points });
    }
  }
  const toppedUp = entries.filter((e) => e.kind === 'topup').reduce((s, e) => s + e.storedValueDeltaMinor, 0);
  const spent = entries.filter((e) => e.kind === 'sale').reduce((s, e) => s - e.storedValueDeltaMinor, 0);
  return {
    shop: SAMPLE_SHOP,
    currency: 'CNY',
    locale: 'zh-CN',
    member: { name: '曾晓雯', code: 'M000123', phoneMasked: '138****5678', tierName: '金卡' },
    from: '2026-10-01',
    to: '2026-10-31',
    opening: { balanceMinor: 20000, points: 500 },
    closing: { balanceMinor: balance, points },
    entries,
    totals: { toppedUpMinor: toppedUp, spentFromBalanceMinor: spent, billsNetMinor: spent, pointsEarned: points - 500, pointsUsed: 0 },
    generatedAt: '2026-11-23T06:05:00.000Z',
    generatedLocalTime: '2026-11-23 14:05',
  };
}
