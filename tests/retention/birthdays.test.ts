import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { createMember, getMember } from '../../src-main/ledger/members.ts';
import { pointsEntries, smsOutbox, walletEntries } from '../../src-main/ledger/schema.ts';
import { getSettings, updateSettings } from '../../src-main/ledger/settings.ts';
import { birthdayIn, greetBirthdays, greetTodaysBirthdays, nextBirthday, upcomingBirthdays } from '../../src-main/retention/birthdays.ts';
import { manualClock, openTestLedger, type TestLedger } from '../helpers/ledger.ts';

describe('birthday dates', () => {
  it('the next birthday, with 29 February on the 28th in other years', () => {
    expect(nextBirthday('2026-11-23', 11, 23)).toBe('2026-11-23');
    expect(nextBirthday('2026-11-23', 11, 22)).toBe('2027-11-22');
    expect(nextBirthday('2026-11-23', 1, 5)).toBe('2027-01-05');
    expect(birthdayIn(2027, 2, 29)).toBe('2027-02-28');
    expect(birthdayIn(2028, 2, 29)).toBe('2028-02-29');
    expect(nextBirthday('2027-02-28', 2, 29)).toBe('2027-02-28');
  });
});

describe('greeting members on their birthday', () => {
  let t: TestLedger;
  beforeEach(() => {
    t = openTestLedger({ clock: manualClock(new Date(2026, 10, 23, 10, 0)) });
  });
  afterEach(() => t.dispose());

  const member = (name: string, phone: string, month: number, day: number, marketing: boolean, birthYear?: number) =>
    createMember(t.ledger, { staffId: t.staffId, name, phone, birthMonth: month, birthDay: day, birthYear: birthYear ?? null, smsMarketingConsent: marketing });

  it('lists this week and this month, soonest first, with age and whether they can be messaged', () => {
    member('今天', '13900000001', 11, 23, true, 1990);
    member('三天后', '13900000002', 11, 26, false);
    member('下个月', '13900000003', 12, 20, true);
    member('昨天', '13900000004', 11, 22, true);
    const week = upcomingBirthdays(t.ledger, '2026-11-23', 7);
    expect(week.map((b) => [b.name, b.daysUntil, b.turning, b.canMessage])).toEqual([
      ['今天', 0, 36, true],
      ['三天后', 3, null, false],
    ]);
    expect(upcomingBirthdays(t.ledger, '2026-11-23', 31).map((b) => b.name)).toEqual(['今天', '三天后', '下个月']);
  });

  it('a greeting gives the gift through the ledger, messages only consenting members, once a year', () => {
    const a = member('王芳', '13900000001', 11, 23, true);
    const b = member('李雷', '13900000002', 11, 23, false);
    const key = randomUUID();
    const result = greetBirthdays(t.ledger, { idempotencyKey: key, staffId: t.staffId, memberIds: [a.id, b.id], giftPoints: 200, giftBonusMinor: 1_000, offer: '送您一份蛋糕' });
    expect(result).toMatchObject({ greeted: 2, messagesQueued: 1, skipped: [], replayed: false });
    expect(getMember(t.ledger, a.id)).toMatchObject({ points: 200, balanceBonusMinor: 1_000, balancePrincipalMinor: 0 });
    expect(getMember(t.ledger, b.id)).toMatchObject({ points: 200, balanceBonusMinor: 1_000 });
    const messages = t.ledger.db.select().from(smsOutbox).all();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'birthday', memberId: a.id });
    expect(messages[0]!.text).toBe('王芳，生日快乐！常客小店祝您生日开心。送您一份蛋糕 回T退订');
    expect(t.ledger.db.select().from(pointsEntries).all().map((e) => [e.kind, e.delta, e.reason])).toEqual([
      ['adjust', 200, '生日礼物'],
      ['adjust', 200, '生日礼物'],
    ]);
    expect(t.ledger.db.select().from(walletEntries).all().every((e) => e.bonusDeltaMinor === 1_000 && e.principalDeltaMinor === 0)).toBe(true);
    expect(checkLedgerInvariants(t.ledger)).toEqual([]);

    // The same press again replays; a new press the same year skips them.
    expect(greetBirthdays(t.ledger, { idempotencyKey: key, staffId: t.staffId, memberIds: [a.id, b.id], giftPoints: 200, giftBonusMinor: 1_000, offer: '送您一份蛋糕' })).toMatchObject({ greeted: 2, replayed: true });
    const again = greetBirthdays(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberIds: [a.id], giftPoints: 200 });
    expect(again).toMatchObject({ greeted: 0, skipped: [{ memberId: a.id, reason: 'already_greeted' }] });
    expect(getMember(t.ledger, a.id).points).toBe(200);
    expect(upcomingBirthdays(t.ledger, '2026-11-23', 1).every((r) => r.greetedThisYear)).toBe(true);
  });

  it('the daily job greets today’s birthdays only when the owner turned it on, and only once', () => {
    const a = member('王芳', '13900000001', 11, 23, true);
    member('明天', '13900000002', 11, 24, true);
    expect(greetTodaysBirthdays(t.ledger)).toBe(0);
    updateSettings(t.ledger, { messaging: { ...getSettings(t.ledger).messaging, birthdayAutoGreet: true, birthdayGiftPoints: 88 } });
    expect(greetTodaysBirthdays(t.ledger)).toBe(1);
    expect(greetTodaysBirthdays(t.ledger)).toBe(0);
    expect(getMember(t.ledger, a.id).points).toBe(88);
    expect(t.ledger.db.select().from(smsOutbox).all()).toHaveLength(1);
  });
});
