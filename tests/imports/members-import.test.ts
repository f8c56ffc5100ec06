/**
 * Importing members from another system's export: a GBK CSV with bad rows on purpose (bad phone, the
 * same phone twice, a phone already a member, a negative balance, points with a fraction, a balance
 * that is not a number, 30 February) imports the good rows with their opening balances and points as
 * `opening` ledger entries carrying the reason, reports every bad row with why, keeps the ledger
 * invariants, and writes nothing at all the second time. Also an XLSX file, tiers, consent, member
 * codes, and the refusals that leave everything as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTiers, upsertTier } from '../../src-main/ledger/catalog.ts';
import { memberHistory } from '../../src-main/ledger/history.ts';
import { createMember, getMember, searchMembers } from '../../src-main/ledger/members.ts';
import { checkout } from '../../src-main/ledger/bills.ts';
import { commitImport, previewImport } from '../../src-main/imports/import.ts';
import { listAudit } from '../../src-main/audit/log.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { commit, csv, expectIdempotent, expectRefused, expectSound, preview, reasons, xlsx } from './import-helpers.ts';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/imports/members-gbk.csv');
const gbkFile = () => fs.readFileSync(FIXTURE).toString('base64');

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
});
afterEach(() => t.dispose());

const memberByPhone = (phone: string) => searchMembers(t.ledger, { query: phone })[0];

describe('a GBK member list with bad rows', () => {
  beforeEach(() => {
    // Row 11 of the file is this person: already a member here.
    createMember(t.ledger, { staffId: t.staffId, phone: '13500000010', name: '陈十二' });
  });

  it('the preview detects GBK, finds the header words, and names every bad row with its reason', async () => {
    const p = await preview(t.ledger, 'members', gbkFile());
    expect(p.encoding).toBe('gb18030');
    expect(p.headers[3]).toBe('储值余额（元）');
    expect(p.mapping).toEqual({ code: 0, name: 1, phone: 2, balance: 3, bonus: 4, points: 5, birthday: 6, tier: 7, note: 8, joined: 9 });
    expect(p.missing).toEqual([]);
    expect([p.totalRows, p.goodRows, p.rejectedRows]).toEqual([11, 4, 7]);
    expect(reasons(p.rejected)).toEqual({
      4: 'invalid/phone',
      5: 'duplicate_in_file/phone',
      6: 'negative/balance',
      7: 'invalid/points',
      8: 'invalid/balance',
      9: 'invalid/birthday',
      11: 'phone_exists/phone',
    });
    // The first row as it would be written: phone in E.164, money in fen, the birthday with its year.
    expect(p.sample[0]!.member).toMatchObject({ name: '张三', phone: '+8613812345678', code: '800001', balancePrincipalMinor: 50_000, balanceBonusMinor: 5_000, points: 1200, birthMonth: 5, birthDay: 12, birthYear: 1990, note: '老顾客', joined: '2023-03-01' });
    expect(p.sample[1]!.member).toMatchObject({ name: '李四', balancePrincipalMinor: 128_050, birthMonth: 5, birthDay: 12, birthYear: null, joined: '2023-04-15' });
    // 500 + 1280.50 + 0 + 66.60; bonus 50 + 6; points 1200 + 300 + 600.
    expect(p.totals).toEqual({ openingPrincipalMinor: 184_710, openingBonusMinor: 5_600, openingPoints: 2_100, visitsMinor: 0 });
    expect(p.previous).toEqual([]);
  });

  it('imports the good rows with opening entries carrying the reason; balances equal the ledger; the same file again changes nothing', async () => {
    const p = await preview(t.ledger, 'members', gbkFile());
    const result = await commit(t.ledger, t.staffId, 'members', gbkFile(), { mapping: p.mapping, reason: '从旧收银系统迁移 2026-11' });
    expect(result.importedRows).toBe(4);
    expect(reasons(result.rejected)).toEqual(reasons(p.rejected));
    expect(result.batch).toMatchObject({ batchNo: 1, kind: 'members', rowsTotal: 11, rowsImported: 4, rowsRejected: 7, openingPrincipalMinor: 184_710, openingBonusMinor: 5_600, openingPoints: 2_100 });
    expectSound(t.ledger);

    const zhang = memberByPhone('13812345678')!;
    expect(zhang).toMatchObject({ code: '800001', name: '张三', balancePrincipalMinor: 50_000, balanceBonusMinor: 5_000, points: 1200 });
    const full = getMember(t.ledger, zhang.id);
    expect([full.birthYear, full.birthMonth, full.birthDay, full.note]).toEqual([1990, 5, 12, '老顾客']);
    const history = memberHistory(t.ledger, { memberId: zhang.id });
    expect(history.wallet.map((e) => [e.kind, e.principalDeltaMinor, e.bonusDeltaMinor, e.reason])).toEqual([['opening', 50_000, 5_000, '从旧收银系统迁移 2026-11']]);
    expect(history.points.map((e) => [e.kind, e.delta, e.reason])).toEqual([['opening', 1200, '从旧收银系统迁移 2026-11']]);
    // A member with nothing to carry over has no ledger entries at all.
    const zheng = memberByPhone('13500000009')!;
    expect(memberHistory(t.ledger, { memberId: zheng.id })).toMatchObject({ wallet: [], points: [] });
    // The search keys work for imported names as for typed ones.
    expect(searchMembers(t.ledger, { query: 'zs' }).map((m) => m.name)).toContain('张三');
    // Rows that were rejected did not leave a member behind.
    expect(memberByPhone('13700000001')).toBeUndefined();
    // The member who was already here keeps what they had.
    expect(memberByPhone('13500000010')).toMatchObject({ name: '陈十二', balancePrincipalMinor: 0 });

    const audit = listAudit(t.ledger, { subject: result.batch!.id, offset: 0, limit: 10 });
    expect(audit.rows.map((r) => r.action)).toEqual(['imports.commit']);

    const again = await expectIdempotent(t.ledger, t.staffId, 'members', gbkFile(), p.mapping);
    expect(again.previous.map((b) => b.id)).toEqual([result.batch!.id]);
    expect(reasons(again.rejected)[2]).toBe('phone_exists/phone, code_taken/code');
    expectSound(t.ledger);
  });

  it('a member added between preview and import is checked again at the import', async () => {
    const p = await preview(t.ledger, 'members', gbkFile());
    expect(p.goodRows).toBe(4);
    createMember(t.ledger, { staffId: t.staffId, phone: '13912345678', name: '李四（收银台新建）' });
    const result = await commit(t.ledger, t.staffId, 'members', gbkFile(), { mapping: p.mapping });
    expect(result.importedRows).toBe(3);
    expect(reasons(result.rejected)[3]).toBe('phone_exists/phone');
    expect(memberByPhone('13912345678')).toMatchObject({ name: '李四（收银台新建）', balancePrincipalMinor: 0 });
    expectSound(t.ledger);
  });
});

describe('spreadsheets, tiers, consent and codes', () => {
  it('an XLSX workbook: numbers, dates and phones as cells, a title line above the headers', async () => {
    const gold = upsertTier(t.ledger, { name: '金卡', discountBp: 1000, pointsPerUnit: 2 });
    const base64 = await xlsx([
      ['会员资料导出 2026-11-20'],
      ['姓名', '手机', '余额', '赠送', '积分', '等级', '生日', '注册时间', '接收短信', '性别'],
      ['王芳', 13612345678, 320.5, 20, 480, '金卡', new Date(Date.UTC(1988, 6, 9)), new Date(Date.UTC(2024, 0, 15, 10, 30)), '是', '女'],
      ['刘强', '13612345679', 0, 0, 0, '', '', '', '否', '男'],
      ['赵敏', 13612345680, 100, 0, 0, '钻石卡', '', '', '', ''],
    ]);
    const p = await preview(t.ledger, 'members', base64);
    expect(p.encoding).toBe('xlsx');
    expect(p.headerLine).toBe(2);
    expect(p.mapping).toEqual({ name: 0, phone: 1, balance: 2, bonus: 3, points: 4, tier: 5, birthday: 6, joined: 7, marketingConsent: 8, gender: 9 });
    expect(reasons(p.rejected)).toEqual({ 5: 'tier_unknown/tier' });
    const result = await commit(t.ledger, t.staffId, 'members', base64, { mapping: p.mapping });
    expect(result.importedRows).toBe(2);

    const wang = getMember(t.ledger, memberByPhone('13612345678')!.id);
    expect(wang).toMatchObject({ tierId: gold.id, balancePrincipalMinor: 32_050, balanceBonusMinor: 2_000, points: 480, birthYear: 1988, birthMonth: 7, birthDay: 9, gender: 'female', smsMarketingConsent: true });
    const liu = getMember(t.ledger, memberByPhone('13612345679')!.id);
    expect(liu).toMatchObject({ tierId: listTiers(t.ledger).find((x) => x.isDefault)!.id, smsMarketingConsent: false, gender: 'male' });
    // Consent from the old system is recorded as such, with the import's reason.
    const events = t.ledger.sqlite.prepare('select member_id, kind, granted, source, note from consent_events').all();
    expect(events).toEqual([{ member_id: wang.id, kind: 'sms_marketing', granted: 1, source: 'import', note: '从旧系统迁移' }]);
    expectSound(t.ledger);
    await expectIdempotent(t.ledger, t.staffId, 'members', base64, p.mapping);
  });

  it('codes from the file are kept; members without one get new numbers that never collide with the file\'s', async () => {
    // The counter's next numbers are 100001, 100002: the file claims 100002 for someone else.
    const base64 = csv([
      ['姓名', '手机', '卡号'],
      ['甲', '13300000001', ''],
      ['乙', '13300000002', '100002'],
      ['丙', '13300000003', ''],
      ['丁', '13300000004', 'VIP-7'],
      ['戊', '13300000005', '100002'],
    ]);
    const result = await commit(t.ledger, t.staffId, 'members', base64);
    expect(reasons(result.rejected)).toEqual({ 5: 'invalid/code', 6: 'duplicate_in_file/code' });
    const codes = Object.fromEntries(['甲', '乙', '丙'].map((name) => [name, searchMembers(t.ledger, { query: name })[0]!.code]));
    expect(codes).toEqual({ 甲: '100001', 乙: '100002', 丙: '100003' });
    expectSound(t.ledger);
  });

  it('names, notes and join dates are checked like the member form does', async () => {
    const base64 = csv([
      ['name', 'phone', 'note', 'joined'],
      ['', '13300000011', '', ''],
      ['x'.repeat(41), '13300000012', '', ''],
      ['Ok', '13300000013', 'n'.repeat(501), ''],
      ['Later', '13300000014', '', '2027-01-01'],
      ['Bad day', '13300000015', '', '2026-02-30'],
      ['No phone', '', '', ''],
      ['Anna Müller', '+44 20 7946 0958', 'line one', '2025-12-24'],
    ]);
    const result = await commit(t.ledger, t.staffId, 'members', base64);
    expect(reasons(result.rejected)).toEqual({
      2: 'missing/name',
      3: 'too_long/name',
      4: 'too_long/note',
      5: 'future/joined',
      6: 'invalid/joined',
      7: 'missing/phone',
    });
    const anna = getMember(t.ledger, memberByPhone('+442079460958')!.id);
    expect(anna.createdAt.slice(0, 10) <= '2025-12-24').toBe(true);
    expect(anna.phone).toBe('+442079460958');
    expectSound(t.ledger);
  });
});

describe('refusals change nothing', () => {
  it('a mapping without the required fields, a column that does not exist, an old .xls, an empty file', async () => {
    const base64 = csv([
      ['姓名', '手机'],
      ['甲', '13300000001'],
    ]);
    const run = (input: Partial<Parameters<typeof commitImport>[1]>) => () =>
      commitImport(t.ledger, { kind: 'members', fileName: 'x.csv', base64, mapping: { name: 0, phone: 1 }, reason: '迁移', staffId: t.staffId, ...input });
    await expectRefused(t.ledger, run({ mapping: { name: 0 } }), 'IMPORT_MAPPING_INCOMPLETE');
    await expectRefused(t.ledger, run({ mapping: { name: 0, phone: 7 } }), 'VALIDATION');
    await expectRefused(t.ledger, run({ staffId: 'nobody' }), 'STAFF_NOT_FOUND');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]).toString('base64');
    await expectRefused(t.ledger, run({ base64: xls }), 'IMPORT_FORMAT_UNSUPPORTED');
    await expectRefused(t.ledger, run({ base64: Buffer.from('\r\n\r\n').toString('base64') }), 'IMPORT_FILE_EMPTY');
    const broken = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).toString('base64');
    await expectRefused(t.ledger, run({ base64: broken }), 'IMPORT_FILE_UNREADABLE');
  });

  it('the preview without a usable mapping shows the file but checks no row', async () => {
    const p = await previewImport(t.ledger, { kind: 'members', fileName: 'x.csv', base64: csv([['foo', 'bar'], ['1', '2']]) });
    expect(p.mapping).toEqual({});
    expect(p.missing).toEqual(['name', 'phone']);
    expect([p.totalRows, p.goodRows, p.rejectedRows]).toEqual([1, 0, 0]);
    expect(p.sample[0]!.cells).toEqual(['1', '2']);
  });

  it('imported members trade like any other: a checkout spends the opening balance', async () => {
    await commit(t.ledger, t.staffId, 'members', csv([['姓名', '手机', '余额', '赠送余额'], ['甲', '13300000001', '100', '10']]));
    const member = memberByPhone('13300000001')!;
    const sale = checkout(t.ledger, {
      idempotencyKey: newKey(),
      staffId: t.staffId,
      memberId: member.id,
      lines: [{ name: '拿铁', amountMinor: 2_200, quantity: 1 }],
      payments: [{ method: 'stored_value', amountMinor: 2_200 }],
    });
    expect(sale.member!.balancePrincipalMinor + sale.member!.balanceBonusMinor).toBe(11_000 - 2_200);
    expectSound(t.ledger);
  });
});
