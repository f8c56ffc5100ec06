import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-main/api/money-format.ts';
import { assetsDir, PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';
import { billPdf } from '../../src-main/print/pdf/bill-pdf.ts';
import { PDF_FONT_FILE_NAME, pdfFontFile } from '../../src-main/print/pdf/fonts.ts';
import { statementPdf } from '../../src-main/print/pdf/statement-pdf.ts';
import type { Receipt, ReceiptLine } from '../../src-main/receipts/types.ts';
import { occurrences, PdfFolder, pdfFonts, pdfImageCount, pdfInfo, pdfPageCount, pdfPagePng, pdfText, pngDimensions, squeeze } from './pdf-tools.ts';
import { SAMPLE_SHOP, sampleRefund, sampleSale, sampleStatement, sampleTopup } from './sample-receipts.ts';

const folder = new PdfFolder();
afterAll(() => folder.remove());

const yuan = (minor: number): string => formatMoney(minor, 'CNY', 'zh-CN');

describe('the font', () => {
  it('is found in the repository from source, and in <resources>/assets when packaged', () => {
    expect(assetsDir()).toBe(path.join(PROJECT_ROOT, 'assets'));
    expect(fs.statSync(pdfFontFile()).size).toBeGreaterThan(10_000_000);
    expect(fs.existsSync(path.join(assetsDir(), 'fonts', 'LICENSE-SourceHanSans.txt'))).toBe(true);

    const resources = fs.mkdtempSync(path.join(folder.dir, 'resources-'));
    fs.mkdirSync(path.join(resources, 'assets'));
    const proc = process as { resourcesPath?: string };
    proc.resourcesPath = resources;
    try {
      expect(pdfFontFile()).toBe(path.join(resources, 'assets', 'fonts', PDF_FONT_FILE_NAME));
      // Electron from source: a resources folder without our assets is not taken for a packaged app.
      fs.rmSync(path.join(resources, 'assets'), { recursive: true });
      expect(assetsDir()).toBe(path.join(PROJECT_ROOT, 'assets'));
    } finally {
      delete proc.resourcesPath;
    }
  });
});

describe('bill PDF', () => {
  it('carries the facts of the paper receipt, in Chinese, on one small page', async () => {
    const receipt = sampleSale();
    const file = folder.write(await billPdf(receipt), 'sale');
    const text = await pdfText(file);
    for (const needle of ['街角咖啡', '上海市徐汇区天平路 88 号', '销售小票', '曾晓雯', '金卡', 'M000123', '138****5678', '王小明', '2026-11-23 14:05', '谢谢惠顾，欢迎再来']) {
      expect(text).toContain(needle);
    }
    expect(text).toContain(receipt.number);
    expect(text).toContain('拿铁（大杯）');
    expect(text).toContain('芝士蛋糕');
    // Lines before the discount (2 × ¥32.00), the discount, the total, cash tendered and change.
    for (const amount of ['¥64.00', '¥92.00', '-¥9.20', '¥82.80', '¥30.00', '¥52.80', '¥60.00', '¥7.20']) expect(text).toContain(amount);
    expect(text).toMatch(/合计\s+¥82\.80/);
    expect(text).toMatch(/储值余额\s+¥173\.50/); // 150.00 principal + 23.50 bonus
    expect(text).toMatch(/积分余额\s+1288/);
    expect(text).toMatch(/本次积分\s+\+52/);
    expect(text).not.toContain('重印');

    expect(await pdfPageCount(file)).toBe(1);
    expect(fs.statSync(file).size).toBeLessThan(1_000_000);
    const info = await pdfInfo(file);
    expect(info['Page size']).toMatch(/^226\.77\d* x \d+(\.\d+)? pts/); // 80 mm wide
    expect(info['Title']).toBe(`销售小票 ${receipt.number}`);
    expect(info['Author']).toBe('街角咖啡');
    expect(info['Creator']).toBe('Regulars');
    expect(info['CreationDate']).toBe('Mon Nov 23 06:05:00 2026 UTC'); // the bill's createdAt, not now
  });

  it('embeds only a subset of Source Han Sans, and nothing else', async () => {
    const file = folder.write(await billPdf(sampleSale()));
    const fonts = await pdfFonts(file);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]!.name).toMatch(/^[A-Z]{6}\+SourceHanSansSC-Regular$/);
    expect(fonts[0]).toMatchObject({ embedded: true, subset: true });
  });

  it('renders to an image with ink on it', async () => {
    const file = folder.write(await billPdf(sampleSale()));
    const png = await pdfPagePng(file, 1, 80);
    expect(pngDimensions(png).width).toBe(252); // 80 mm at 80 dpi
    expect(pngDimensions(png).height).toBeGreaterThan(400);
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
  });

  it('is the same bytes when rendered twice', async () => {
    const [a, b] = await Promise.all([billPdf(sampleSale()), billPdf(sampleSale())]);
    expect(a.equals(b)).toBe(true);
    const other = await billPdf(sampleSale({ createdAt: '2026-11-24T06:05:00.000Z' }));
    expect(other.equals(a)).toBe(false);
  });

  it('draws the shop logo above the name, and leaves out a logo that is not a PNG', async () => {
    const png = fs.readFileSync(path.join(PROJECT_ROOT, 'assets', 'icon.png'));
    const withLogo = (logoPng: string): Receipt => sampleSale({ shop: { ...SAMPLE_SHOP, logoPng } });
    const file = folder.write(await billPdf(withLogo(`data:image/png;base64,${png.toString('base64')}`)));
    expect(await pdfImageCount(file)).toBe(1);
    const without = folder.write(await billPdf(sampleSale()));
    expect(await pdfImageCount(without)).toBe(0);
    const bad = folder.write(await billPdf(withLogo('data:image/png;base64,bm90IGEgcG5n')));
    expect(await pdfImageCount(bad)).toBe(0);
    expect(await pdfText(bad)).toContain('街角咖啡');
  });

  it('marks a reprint', async () => {
    const text = await pdfText(folder.write(await billPdf(sampleSale({ reprint: true }))));
    expect(text).toContain('重印');
  });

  it('shows a refund with its original number and negative amounts, without member facts for a walk-in', async () => {
    const receipt = sampleRefund();
    const text = await pdfText(folder.write(await billPdf(receipt)));
    expect(text).toContain('退款小票');
    expect(text).toMatch(/原单号\s+20261123-01-0040/);
    expect(text).toMatch(/退款合计\s+-¥28\.00/);
    expect(text).toMatch(/现金\s+-¥28\.00/);
    for (const absent of ['会员', '储值余额', '积分余额']) expect(text).not.toContain(absent);
  });

  it('shows a top-up as principal and bonus, with the balance after', async () => {
    const text = await pdfText(folder.write(await billPdf(sampleTopup())));
    expect(text).toContain('充值小票');
    expect(text).toMatch(/充值本金\s+¥500\.00/);
    expect(text).toMatch(/赠送\s+¥50\.00/);
    expect(text).toMatch(/支付宝\s+¥500\.00/);
    expect(text).toMatch(/储值余额\s+¥723\.50/);
    expect(text).not.toContain('单价'); // no lines table
  });

  it('writes English when the shop writes to members in English', async () => {
    const text = await pdfText(folder.write(await billPdf(sampleSale({ locale: 'en' }))));
    expect(text).toContain('Receipt');
    expect(text).toMatch(/Total\s+CN¥82\.80/);
    expect(text).toMatch(/Points balance\s+1288/);
  });

  it('stays one page however many lines, and wraps a long name inside its column', async () => {
    const lines: ReceiptLine[] = Array.from({ length: 60 }, (_, i) => ({ name: `商品${i + 1}号`, quantity: 1, unitPriceMinor: 100, discountMinor: 0, netMinor: 100 }));
    lines.push({ name: '超大杯燕麦拿铁加浓缩加香草糖浆去冰', quantity: 1, unitPriceMinor: 123456, discountMinor: 0, netMinor: 123456 });
    const file = folder.write(await billPdf(sampleSale({ lines })));
    expect(await pdfPageCount(file)).toBe(1);
    const text = await pdfText(file);
    for (let i = 1; i <= 60; i++) expect(text).toMatch(new RegExp(`商品${i}号\\s+1\\s+¥1\\.00\\s+¥1\\.00`));
    expect(text).toContain('¥1,234.56');
    expect(squeeze(text)).toContain('超大杯燕麦'); // the start of the wrapped name, on its first line
  });
});

describe('statement PDF', () => {
  it('spreads 120 entries over pages, each with the table heading and a page number, rows whole', async () => {
    const statement = sampleStatement(120);
    const file = folder.write(await statementPdf(statement), 'statement-120');
    const pages = await pdfPageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);

    const pageTexts: string[] = [];
    for (let n = 1; n <= pages; n++) pageTexts.push(await pdfText(file, n));
    pageTexts.forEach((text, i) => {
      expect(text).toMatch(/日期\s+类型\s+单号\s+金额\s+储值变动\s+储值余额\s+积分变动\s+积分余额/);
      expect(squeeze(text)).toContain(`第${i + 1}/${pages}页`);
      expect(text).toContain('生成时间 2026-11-23 14:05');
    });
    expect(pageTexts[0]).toContain('街角咖啡');
    expect(pageTexts[0]).toContain('会员对账单');
    expect(pageTexts[0]).toContain('曾晓雯');
    expect(pageTexts[0]).toMatch(/期初\s+储值余额 ¥200\.00 · 积分余额 500/);
    expect(pageTexts[1]).toContain('曾晓雯 · M000123'); // later pages say whose statement they are

    const last = pageTexts[pages - 1]!;
    expect(last).toContain(`期末`);
    expect(last).toContain(`储值余额 ${yuan(statement.closing.balanceMinor)} · 积分余额 ${statement.closing.points}`);
    expect(last).toMatch(new RegExp(`充值（含赠送）\\s+${escape(yuan(statement.totals.toppedUpMinor))}`));
    expect(last).toMatch(new RegExp(`储值消费\\s+${escape(yuan(statement.totals.spentFromBalanceMinor))}`));
    expect(last).toMatch(new RegExp(`消费净额\\s+${escape(yuan(statement.totals.billsNetMinor))}`));
    expect(last).toMatch(new RegExp(`获得积分\\s+${statement.totals.pointsEarned}`));
    for (const text of pageTexts.slice(0, -1)) expect(text).not.toContain('期末');

    // Every entry once, in order, and on one line with its own figures: no row was cut in two.
    const all = pageTexts.join('\n');
    const lines = all.split('\n');
    let previousLine = -1;
    for (const entry of statement.entries) {
      expect(occurrences(all, entry.reference)).toBe(1);
      const at = lines.findIndex((line) => line.includes(entry.reference));
      expect(at).toBeGreaterThan(previousLine);
      previousLine = at;
      const row = lines[at]!;
      expect(row).toContain(entry.localTime);
      expect(row).toContain(yuan(entry.balanceAfterMinor));
      expect(row).toContain(entry.storedValueDeltaMinor < 0 ? yuan(entry.storedValueDeltaMinor) : `+${yuan(entry.storedValueDeltaMinor)}`);
      expect(row.trimEnd().endsWith(String(entry.pointsAfter))).toBe(true);
    }
  });

  it('has metadata, one embedded subset font and the same bytes when rendered twice', async () => {
    const [a, b] = await Promise.all([statementPdf(sampleStatement(30)), statementPdf(sampleStatement(30))]);
    expect(a.equals(b)).toBe(true);
    const file = folder.write(a);
    const info = await pdfInfo(file);
    expect(info['Title']).toBe('会员对账单 曾晓雯 2026-10-01 – 2026-10-31');
    expect(info['Author']).toBe('街角咖啡');
    expect(info['Creator']).toBe('Regulars');
    expect(info['CreationDate']).toBe('Mon Nov 23 06:05:00 2026 UTC');
    expect(info['Page size']).toContain('(A4)');
    const fonts = await pdfFonts(file);
    expect(fonts.map((f) => f.name)).toEqual([expect.stringMatching(/^[A-Z]{6}\+SourceHanSansSC-Regular$/)]);
    const png = await pdfPagePng(file, 1, 80);
    expect(fs.statSync(png).size).toBeGreaterThan(20_000);
  });

  it('reads "Member statement" in English', async () => {
    const text = await pdfText(folder.write(await statementPdf({ ...sampleStatement(5), locale: 'en' })));
    expect(text).toContain('Member statement');
    expect(text).toMatch(/Date\s+Type\s+No\.\s+Amount\s+Stored value\s+Balance\s+Points\s+Points bal\./);
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('-CN¥31.00');
  });

  it('says there is nothing in the period when there is nothing', async () => {
    const file = folder.write(await statementPdf(sampleStatement(0)));
    expect(await pdfPageCount(file)).toBe(1);
    const text = await pdfText(file);
    expect(text).toContain('此期间没有记录');
    expect(text).toContain('储值余额 ¥200.00 · 积分余额 500');
    expect(squeeze(text)).toContain('第1/1页');
  });

  it('shows an adjustment by its reason, with a minus sign when it takes value off', async () => {
    const statement = sampleStatement(2);
    statement.entries.push({
      createdAt: '2026-10-30T04:00:00.000Z',
      localTime: '2026-10-30 12:00',
      kind: 'adjust',
      reference: '',
      description: '补录遗漏',
      amountMinor: 0,
      storedValueDeltaMinor: -1500,
      balanceAfterMinor: 70400,
      pointsDelta: -20,
      pointsAfter: 511,
    });
    const text = await pdfText(folder.write(await statementPdf(statement)));
    expect(text).toMatch(/2026-10-30 12:00\s+调整\s+补录遗漏\s+-¥15\.00\s+¥704\.00\s+-20\s+511/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
