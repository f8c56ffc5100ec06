/**
 * Receipts as ESC/POS bytes, read back with a decoder the way the printer would: the words and amounts
 * are there, in GB18030, within the paper's columns; one cut; a drawer kick only when cash moved and the
 * setting says so; user text printed literally; the SVG preview made from the same document.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { transform } from 'receiptline';
import { describe, expect, it } from 'vitest';
import { DRAWER_KICK, encodeReceipt, receiptSvg, testPageBytes } from '../../src-main/print/escpos/encode.ts';
import { escapeText } from '../../src-main/print/escpos/escape.ts';
import { receiptMarkup } from '../../src-main/print/escpos/receipt-markup.ts';
import { ruler, TEST_PAGE_QR } from '../../src-main/print/escpos/test-page-markup.ts';
import type { Receipt } from '../../src-main/receipts/types.ts';
import { decodeEscpos, printColumns, type DecodedEscpos } from '../../src-main/print/escpos/decode.ts';
import { SAMPLE_SHOP, sampleRefund, sampleSale, sampleTopup, sampleWechatSale } from './sample-receipts.ts';

function decoded(receipt: Receipt, paperWidth: 58 | 80 = 80, openDrawer = true): DecodedEscpos {
  return decodeEscpos(encodeReceipt(receipt, { paperWidth, openDrawer }));
}

/** The one printed line holding every given piece, in order. */
function lineWith(d: DecodedEscpos, ...pieces: string[]): string | undefined {
  return d.textLines.find((line) => {
    let from = 0;
    for (const piece of pieces) {
      const at = line.indexOf(piece, from);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  });
}

/** A PNG of the given size, black left half, white right half (what a logo upload holds). */
function pngDataUrl(width: number, height: number): string {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // filter: none
    rows.fill(0, y * (width + 1) + 1, y * (width + 1) + 1 + Math.floor(width / 2));
  }
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

describe('a sale on paper', () => {
  it('has the shop, the bill, the member, the items, the amounts, the balances and the QR', () => {
    const d = decoded(sampleSale());
    expect(lineWith(d, '街角咖啡')).toBeDefined();
    expect(lineWith(d, '上海市徐汇区天平路 88 号')).toBeDefined();
    expect(lineWith(d, '销售小票')).toBeDefined();
    expect(lineWith(d, '单号', '20261123-01-0042')).toBeDefined();
    expect(lineWith(d, '时间', '2026-11-23 14:05')).toBeDefined();
    expect(lineWith(d, '收银员', '王小明')).toBeDefined();
    expect(lineWith(d, '会员', '曾晓雯（金卡）')).toBeDefined();
    expect(lineWith(d, '会员号', 'M000123')).toBeDefined();
    expect(lineWith(d, '手机', '138****5678')).toBeDefined();
    expect(lineWith(d, '拿铁（大杯）')).toBeDefined();
    expect(lineWith(d, '2 × ¥32.00', '-¥6.40', '¥57.60')).toBeDefined();
    expect(lineWith(d, '1 × ¥28.00', '-¥2.80', '¥25.20')).toBeDefined();
    expect(lineWith(d, '小计', '¥92.00')).toBeDefined();
    expect(lineWith(d, '会员折扣', '-¥9.20')).toBeDefined();
    expect(lineWith(d, '合计', '¥82.80')).toBeDefined();
    expect(lineWith(d, '储值', '¥30.00')).toBeDefined();
    expect(lineWith(d, '现金', '¥52.80')).toBeDefined();
    expect(lineWith(d, '实收', '¥60.00')).toBeDefined();
    expect(lineWith(d, '找零', '¥7.20')).toBeDefined();
    expect(lineWith(d, '本次积分', '52')).toBeDefined();
    expect(lineWith(d, '储值余额', '¥173.50')).toBeDefined();
    expect(lineWith(d, '本金', '¥150.00')).toBeDefined();
    expect(lineWith(d, '赠送', '¥23.50')).toBeDefined();
    expect(lineWith(d, '积分余额', '1288')).toBeDefined();
    expect(lineWith(d, '谢谢惠顾，欢迎再来')).toBeDefined();
    expect(d.qr).toEqual(['M000123']);
    expect(d.cuts).toBe(1);
    expect(lineWith(d, '重印')).toBeUndefined();
  });

  it('kicks the drawer once, before anything else, when cash moved and the setting is on', () => {
    const bytes = encodeReceipt(sampleSale(), { paperWidth: 80, openDrawer: true });
    expect(bytes.subarray(0, DRAWER_KICK.length)).toEqual(Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]));
    const d = decodeEscpos(bytes);
    expect(d.drawerKicks).toBe(1);
    expect(d.drawerKickOffsets).toEqual([0]);
  });

  it('does not kick the drawer for a WeChat sale, nor with the setting off', () => {
    expect(decoded(sampleWechatSale(), 80, true).drawerKicks).toBe(0);
    expect(decoded(sampleSale(), 80, false).drawerKicks).toBe(0);
    expect(decoded(sampleSale(), 58, false).cuts).toBe(1);
  });

  it('marks a reprint', () => {
    expect(lineWith(decoded(sampleSale({ reprint: true })), '重印')).toBeDefined();
    expect(lineWith(decoded(sampleSale({ reprint: true, locale: 'en' })), 'REPRINT')).toBeDefined();
  });

  it('prints in English when the shop writes to members in English', () => {
    const d = decoded(sampleSale({ locale: 'en' }));
    expect(lineWith(d, 'Receipt')).toBeDefined();
    expect(lineWith(d, 'No.', '20261123-01-0042')).toBeDefined();
    expect(lineWith(d, 'Cashier', '王小明')).toBeDefined();
    expect(lineWith(d, 'Member', '曾晓雯 (金卡)')).toBeDefined();
    expect(lineWith(d, 'Total', 'CN¥82.80')).toBeDefined();
    expect(lineWith(d, 'Change', 'CN¥7.20')).toBeDefined();
    expect(lineWith(d, 'Stored value', 'CN¥173.50')).toBeDefined();
    expect(lineWith(d, 'Points balance', '1288')).toBeDefined();
    expect(d.textLines.join('\n')).not.toMatch(/合计|储值余额|销售小票/);
  });
});

describe('other receipts', () => {
  it('a refund names the sale it reverses and shows a negative total, and a walk-in has no balance', () => {
    const d = decoded(sampleRefund());
    expect(lineWith(d, '退款小票')).toBeDefined();
    expect(lineWith(d, '原单号', '20261123-01-0040')).toBeDefined();
    expect(lineWith(d, '单号', '20261123-01-0044')).toBeDefined();
    expect(lineWith(d, '退款合计', '-¥28.00')).toBeDefined();
    expect(lineWith(d, '现金', '-¥28.00')).toBeDefined();
    expect(lineWith(d, '储值余额')).toBeUndefined();
    expect(lineWith(d, '积分余额')).toBeUndefined();
    expect(d.qr).toEqual(['20261123-01-0044']);
    expect(d.drawerKicks).toBe(1);
  });

  it('a top-up shows principal, bonus, how it was paid and the new balance, and keeps the drawer shut', () => {
    const d = decoded(sampleTopup());
    expect(lineWith(d, '充值小票')).toBeDefined();
    expect(lineWith(d, '充值本金', '¥500.00')).toBeDefined();
    expect(lineWith(d, '赠送', '¥50.00')).toBeDefined();
    expect(lineWith(d, '支付宝', '¥500.00')).toBeDefined();
    expect(lineWith(d, '储值余额', '¥723.50')).toBeDefined();
    expect(lineWith(d, '小计')).toBeUndefined();
    expect(d.drawerKicks).toBe(0);
  });

  it('prints no QR code when there is no QR data', () => {
    expect(decoded(sampleSale({ qrData: null })).qr).toEqual([]);
  });
});

describe('paper width', () => {
  const longName = '超大杯冰镇手冲埃塞俄比亚耶加雪菲日晒单一产区咖啡配燕麦奶';
  const receipts = [sampleSale(), sampleWechatSale(), sampleTopup(), sampleRefund(), sampleSale({ locale: 'en' }), sampleSale({ lines: [{ name: longName, quantity: 12, unitPriceMinor: 1_234_500, discountMinor: 98_765, netMinor: 14_715_235 }] })];

  for (const [paperWidth, columns] of [[58, 32], [80, 48]] as const) {
    it(`keeps every line within ${columns} columns on ${paperWidth} mm paper, CJK counted double`, () => {
      for (const receipt of receipts) {
        const d = decoded(receipt, paperWidth);
        expect(Math.max(...d.lineColumns)).toBe(columns); // the rules use the whole width…
        for (const [k, line] of d.textLines.entries()) {
          expect(d.lineColumns[k]).toBeLessThanOrEqual(columns); // …and nothing goes past it
          expect(printColumns(line)).toBeLessThanOrEqual(columns);
        }
      }
    });
  }

  it('wraps a long item name instead of cutting it off', () => {
    const d = decoded(receipts[5]!, 58);
    const start = d.textLines.findIndex((line) => line.startsWith('超大杯'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(d.textLines.slice(start, start + 3).join('')).toContain(longName);
    expect(lineWith(d, '12 × ¥12,345.00')).toBeDefined();
  });
});

describe('user text prints literally', () => {
  it('escapeText makes receiptline print every special character as itself', () => {
    for (const text of ['A|B {x}', 'a\\b', '~tilde~ _under_ "quote" `tick` ^caret^', '---', '===', '-', '\\n\\x41', '{code:123}', 'x\\|y']) {
      const printed = transform(escapeText(text), { command: 'text', cpl: 48 });
      expect(printed.trim()).toBe(text);
    }
  });

  it('a member named "A|B {x}", a shop line of dashes and an item with a newline', () => {
    const receipt = sampleSale({
      member: { name: 'A|B {x}', code: 'M_1^2', phoneMasked: '138****5678', tierName: '"VIP"' },
      shop: { ...SAMPLE_SHOP, name: 'Café ~Corner~', headerLines: ['-----'], footerLines: ['='] },
      lines: [{ name: 'Tea\nfor `two`', quantity: 1, unitPriceMinor: 1000, discountMinor: 0, netMinor: 1000 }],
      qrData: 'https://x.example/m?a=1;b={2}|3\\n 4',
    });
    const d = decoded(receipt);
    expect(lineWith(d, '会员', 'A|B {x}（"VIP"）')).toBeDefined();
    expect(lineWith(d, '会员号', 'M_1^2')).toBeDefined();
    expect(lineWith(d, 'Café ~Corner~')).toBeDefined();
    expect(d.textLines.some((line) => line.trim() === '-----')).toBe(true);
    expect(d.textLines.some((line) => line.trim() === '=')).toBe(true);
    expect(lineWith(d, 'Tea for `two`')).toBeDefined();
    expect(d.qr).toEqual(['https://x.example/m?a=1;b={2}|3\\n 4']);
    expect(d.cuts).toBe(1);
  });
});

describe('logo', () => {
  it('prints a logo that fits the paper as one raster image, centred above the name', () => {
    const receipt = sampleSale({ shop: { ...SAMPLE_SHOP, logoPng: pngDataUrl(200, 40) } });
    expect(receiptMarkup(receipt, { paperWidth: 58 }).split('\n')[0]).toMatch(/^\{image:[A-Za-z0-9+/=]+\}$/);
    const d = decoded(receipt, 58);
    expect(d.images).toBe(1);
    expect(lineWith(d, '街角咖啡')).toBeDefined();
  });

  it('leaves out a logo wider than the paper rather than print noise', () => {
    const receipt = sampleSale({ shop: { ...SAMPLE_SHOP, logoPng: pngDataUrl(500, 40) } });
    expect(decoded(receipt, 58).images).toBe(0);
    expect(decoded(receipt, 80).images).toBe(1);
    expect(decoded(sampleSale({ shop: { ...SAMPLE_SHOP, logoPng: 'data:image/png;base64,bm90IGEgcG5n' } })).images).toBe(0);
  });
});

describe('preview and test page', () => {
  it('receiptSvg draws the same receipt as SVG, member name included', () => {
    const svg = receiptSvg(sampleSale(), { paperWidth: 58 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="384px"');
    const text = svg.replace(/<[^>]+>/g, '');
    expect(text).toContain('曾晓雯');
    expect(text).toContain('¥82.80');
    expect(receiptSvg(sampleSale(), { paperWidth: 80 })).toContain('width="576px"');
  });

  it('the test page has both scripts, a ruler of the paper width, a QR code and a cut', () => {
    for (const [paperWidth, columns] of [[58, 32], [80, 48]] as const) {
      const d = decodeEscpos(testPageBytes({ paperWidth, shopName: '街角咖啡', locale: 'zh-CN', openDrawer: false }));
      expect(lineWith(d, '打印机测试页')).toBeDefined();
      expect(lineWith(d, '中文')).toBeDefined();
      expect(lineWith(d, 'English')).toBeDefined();
      expect(d.textLines).toContain(ruler(columns));
      expect(ruler(columns)).toHaveLength(columns);
      expect(d.textLines).toContain('中'.repeat(columns / 2));
      expect(Math.max(...d.lineColumns)).toBe(columns);
      expect(d.qr).toEqual([TEST_PAGE_QR]);
      expect(d.cuts).toBe(1);
      expect(d.drawerKicks).toBe(0);
    }
    const english = decodeEscpos(testPageBytes({ paperWidth: 80, shopName: 'Corner', locale: 'en', openDrawer: true }));
    expect(lineWith(english, 'Printer test page')).toBeDefined();
    expect(english.drawerKickOffsets).toEqual([0]);
  });
});
