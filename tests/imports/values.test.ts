/**
 * One cell → one value: money by string arithmetic (never a float), phones to E.164, the date forms
 * other systems and Excel write, header words to fields, and the encoding of a file's bytes.
 */
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../src-main/imports/decode.ts';
import { guessMapping, missingFields, normalizeHeader } from '../../src-main/imports/fields.ts';
import { parseAmount, parseBirthday, parseDateTime, parsePhone, parsePoints, parseTime, parseYesNo } from '../../src-main/imports/values.ts';

describe('money cells', () => {
  it('reads the ways people write amounts, to integer fen', () => {
    const cases: Array<[string, number]> = [
      ['', 0],
      ['0', 0],
      ['12.5', 1250],
      ['0.29', 29],
      ['1,280.50', 128050],
      ['¥1,280', 128000],
      ['￥ 99.9', 9990],
      ['１２．５０', 1250],
      ['-0', 0],
    ];
    for (const [text, minor] of cases) expect(parseAmount(text, 'CNY'), text).toEqual({ ok: true, value: minor });
  });

  it('tells a negative amount from one that is not a number', () => {
    expect(parseAmount('-50', 'CNY')).toEqual({ ok: false, why: 'negative' });
    expect(parseAmount('(50.00)', 'CNY')).toEqual({ ok: false, why: 'negative' });
    expect(parseAmount('abc', 'CNY')).toEqual({ ok: false, why: 'invalid' });
    expect(parseAmount('12.345', 'CNY')).toEqual({ ok: false, why: 'invalid' });
    expect(parseAmount('1e5', 'CNY')).toEqual({ ok: false, why: 'invalid' });
    expect(parseAmount('999999999999999', 'CNY')).toEqual({ ok: false, why: 'invalid' });
  });

  it('points are whole numbers', () => {
    expect(parsePoints('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parsePoints('300.0')).toEqual({ ok: true, value: 300 });
    expect(parsePoints('')).toEqual({ ok: true, value: 0 });
    expect(parsePoints('12.5')).toEqual({ ok: false, why: 'invalid' });
    expect(parsePoints('-3')).toEqual({ ok: false, why: 'negative' });
    expect(parsePoints('many')).toEqual({ ok: false, why: 'invalid' });
  });
});

describe('phones, dates, yes and no', () => {
  it('phones become E.164; numbers that cannot be phones are refused', () => {
    expect(parsePhone('13812345678')).toBe('+8613812345678');
    expect(parsePhone('138 1234 5678')).toBe('+8613812345678');
    expect(parsePhone('+86 138-1234-5678')).toBe('+8613812345678');
    expect(parsePhone('8613812345678')).toBe('+8613812345678');
    expect(parsePhone('008613812345678')).toBe('+8613812345678');
    expect(parsePhone('12345')).toBeUndefined();
    expect(parsePhone('1.38123E+10')).toBeUndefined();
    expect(parsePhone('')).toBeUndefined();
  });

  it('dates in the forms exports use, with a time when there is one; never a guess at 3/5/2024', () => {
    expect(parseDateTime('2024-03-05')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('2024/3/5 9:07')).toEqual({ date: '2024-03-05', time: '09:07' });
    expect(parseDateTime('2024.3.5')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('2024年3月5日')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('20240305')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('2024-03-05T18:30:12')).toEqual({ date: '2024-03-05', time: '18:30' });
    // Excel's day number 45356 is 2024-03-05; .75 of a day is 18:00.
    expect(parseDateTime('45356')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('45356.75')).toEqual({ date: '2024-03-05', time: '18:00' });
    for (const bad of ['2024-02-30', '3/5/2024', '2024-13-01', 'yesterday', '2024-03-05 25:00']) expect(parseDateTime(bad), bad).toBeUndefined();
    expect(parseTime('14:05')).toBe('14:05');
    expect(parseTime('1899-12-30 14:05')).toBe('14:05');
    expect(parseTime('')).toBeNull();
    expect(parseTime('noon')).toBeUndefined();
  });

  it('birthdays with or without a year; 29 February only in a leap year when the year is given', () => {
    expect(parseBirthday('1990-05-12', 2026)).toEqual({ month: 5, day: 12, year: 1990 });
    expect(parseBirthday('5月12日', 2026)).toEqual({ month: 5, day: 12, year: null });
    expect(parseBirthday('05-12', 2026)).toEqual({ month: 5, day: 12, year: null });
    expect(parseBirthday('0229', 2026)).toEqual({ month: 2, day: 29, year: null });
    expect(parseBirthday('2023-02-29', 2026)).toBeUndefined();
    expect(parseBirthday('02-30', 2026)).toBeUndefined();
    expect(parseBirthday('2030-01-01', 2026)).toBeUndefined();
  });

  it('yes and no; blank is no', () => {
    for (const yes of ['是', '同意', 'Y', 'yes', '1', '√']) expect(parseYesNo(yes), yes).toBe(true);
    for (const no of ['否', '不同意', 'n', 'No', '0', '']) expect(parseYesNo(no), no).toBe(false);
    expect(parseYesNo('maybe')).toBeUndefined();
  });
});

describe('headers and encodings', () => {
  it('guesses the mapping from Chinese and English headers, the bonus before the balance', () => {
    expect(normalizeHeader('储值余额（元）')).toBe('储值余额');
    expect(normalizeHeader(' Phone Number ')).toBe('phonenumber');
    expect(guessMapping('members', ['会员卡号', '姓名', '手机号码', '余额', '赠送余额', '积分', '生日', '会员等级', '备注', '开卡日期'])).toEqual({
      code: 0,
      name: 1,
      phone: 2,
      balance: 3,
      bonus: 4,
      points: 5,
      birthday: 6,
      tier: 7,
      note: 8,
      joined: 9,
    });
    expect(guessMapping('members', ['Customer Name', 'Mobile', 'Stored value', 'Bonus balance', 'Loyalty points', 'Member since'])).toEqual({
      name: 0,
      phone: 1,
      balance: 2,
      bonus: 3,
      points: 4,
      joined: 5,
    });
    expect(guessMapping('visits', ['会员手机', '消费时间', '实收金额', '备注'])).toEqual({ phone: 0, date: 1, amount: 2, note: 3 });
    expect(missingFields('members', { name: 0 })).toEqual(['phone']);
    expect(missingFields('visits', { date: 0 })).toEqual(['phone', 'amount']);
    expect(missingFields('visits', { code: 0, date: 1, amount: 2 })).toEqual([]);
  });

  it('UTF-8 (with or without BOM), UTF-16 from Excel, and GBK told apart', () => {
    const text = '姓名,手机号\n张三,13812345678\n';
    expect(detectEncoding(new TextEncoder().encode(text))).toBe('utf-8');
    expect(detectEncoding(new TextEncoder().encode('\uFEFF' + text))).toBe('utf-8');
    expect(decodeText(new TextEncoder().encode('\uFEFF' + text), 'utf-8')).toBe(text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(detectEncoding(new Uint8Array(utf16))).toBe('utf-16le');
    expect(decodeText(new Uint8Array(utf16), 'utf-16le')).toBe(text);
    // 姓名,手机号 in GBK, as Python's '姓名,手机号'.encode('gbk') writes it.
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, 0x0a]);
    expect(detectEncoding(gbk)).toBe('gb18030');
    expect(decodeText(gbk, 'gb18030')).toBe('姓名,手机号\n');
  });
});
