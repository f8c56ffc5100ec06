/**
 * Members: finding them the way a cashier types (full phone in any format, last 4 digits, member
 * code, part of the name, pinyin initials / pinyin), phone normalisation to E.164, and a phone number
 * unique among active members (archiving frees it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { archiveMember, createMember, getMember, searchMembers, updateMember } from '../../src-main/ledger/members.ts';
import { normalizePhone } from '../../src-main/ledger/phone.ts';
import { nameSearchKeys } from '../../src-main/ledger/name-keys.ts';
import { expectRefusedUnchanged } from '../helpers/expect-ledger.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
});
afterEach(() => {
  expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  t.dispose();
});

const add = (phone: string, name: string, extra: { code?: string } = {}) => createMember(t.ledger, { staffId: t.staffId, phone, name, ...extra });
const names = (query: string, includeArchived = false) => searchMembers(t.ledger, { query, includeArchived }).map((m) => m.name);

describe('phone numbers', () => {
  it('are normalised to E.164 (Chinese by default)', () => {
    expect(normalizePhone('138 1234 5678')).toBe('+8613812345678');
    expect(normalizePhone('138-1234-5678')).toBe('+8613812345678');
    expect(normalizePhone('+86 138 1234 5678')).toBe('+8613812345678');
    expect(normalizePhone('+852 9123 4567')).toBe('+85291234567');
    expect(add('138 1234 5678', '张三').phone).toBe('+8613812345678');
  });

  it('an invalid number is refused and nothing is written', () => {
    for (const bad of ['12345', '138123456789', '00000000000', 'abc', '+86 000']) {
      expectRefusedUnchanged(t.ledger, () => add(bad, '张三'), 'PHONE_INVALID');
    }
  });

  it('are unique among active members, whatever the format; archiving frees the number', () => {
    const first = add('13812345678', '张三');
    expectRefusedUnchanged(t.ledger, () => add('+86 138-1234-5678', '李四'), 'PHONE_TAKEN');
    const other = add('13912345678', '王五');
    expectRefusedUnchanged(t.ledger, () => updateMember(t.ledger, { memberId: other.id, staffId: t.staffId, phone: '138 1234 5678' }), 'PHONE_TAKEN');
    // Keeping one's own number is not a clash.
    expect(updateMember(t.ledger, { memberId: first.id, staffId: t.staffId, phone: '138 1234 5678' }).phone).toBe('+8613812345678');

    archiveMember(t.ledger, { memberId: first.id, staffId: t.staffId });
    const again = add('138 1234 5678', '李四');
    expect(again.phone).toBe('+8613812345678');
    expect(getMember(t.ledger, first.id).archivedAt).not.toBeNull();
    expect(names('13812345678')).toEqual(['李四']);
    expect(names('13812345678', true).sort()).toEqual(['张三', '李四'].sort());
    // An archived member cannot be edited.
    expectRefusedUnchanged(t.ledger, () => updateMember(t.ledger, { memberId: first.id, staffId: t.staffId, name: 'x' }), 'MEMBER_ARCHIVED');
  });
});

describe('search', () => {
  beforeEach(() => {
    add('13812345678', '张三', { code: '880001' });
    add('13987655678', '李四');
    add('13700001111', '王小明');
    add('13600002222', 'John Smith');
  });

  it('by full phone, in any format', () => {
    expect(names('13812345678')).toEqual(['张三']);
    expect(names('138 1234 5678')).toEqual(['张三']);
    expect(names('+8613812345678')).toEqual(['张三']);
  });

  it('by the last 4 digits (every member whose number ends so)', () => {
    expect(names('5678').sort()).toEqual(['张三', '李四'].sort());
    expect(names('1111')).toEqual(['王小明']);
  });

  it('by member code, exact match first', () => {
    expect(names('880001')[0]).toBe('张三');
  });

  it('by part of the name', () => {
    expect(names('小明')).toEqual(['王小明']);
    expect(names('张')).toEqual(['张三']);
    expect(names('smith')).toEqual(['John Smith']);
    expect(names('SMITH')).toEqual(['John Smith']);
  });

  it('by pinyin initials and pinyin ("zs" finds 张三)', () => {
    expect(nameSearchKeys('张三')).toEqual({ initials: 'zs', pinyin: 'zhangsan' });
    expect(names('zs')).toEqual(['张三']);
    expect(names('ZS')).toEqual(['张三']);
    expect(names('zhangs')).toEqual(['张三']);
    expect(names('wxm')).toEqual(['王小明']);
    expect(names('js')).toEqual(['John Smith']);
  });

  it('finds nothing for nothing', () => {
    expect(names('')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('zzzz')).toEqual([]);
    expect(names('%')).toEqual([]);
    expect(names('_')).toEqual([]);
  });

  it('a name with capitals outside ASCII is found by the exact text stored (and lower case still works)', () => {
    add('13500003333', 'Ölaf Émile');
    expect(names('Ölaf')).toEqual(['Ölaf Émile']);
    expect(names('Émile')).toEqual(['Ölaf Émile']);
    add('13500004444', 'émile zola');
    expect(names('émile')).toEqual(['émile zola']);
  });

  it('SQL-looking and emoji names are ordinary names: stored verbatim, searchable, nothing dropped', () => {
    const sqlName = "'); drop table members;--";
    const a = add('13500005555', sqlName);
    const b = add('13500006666', '🍰 蛋糕控 😀');
    expect(getMember(t.ledger, a.id).name).toBe(sqlName);
    expect(getMember(t.ledger, b.id).name).toBe('🍰 蛋糕控 😀');
    expect(names(sqlName)).toEqual([sqlName]);
    expect(names('drop table')).toEqual([sqlName]);
    expect(names('🍰')).toEqual(['🍰 蛋糕控 😀']);
    expect(names('蛋糕控')).toEqual(['🍰 蛋糕控 😀']);
    expect(t.ledger.sqlite.prepare('select count(*) n from members').get()).toEqual({ n: 6 });
  });
});
