/**
 * Birthdays: who has one coming up, and greeting them — an SMS for members who accept marketing, and
 * the shop's gift (points and/or bonus stored value) through the ledger for everyone greeted. One
 * greeting per member and year, whoever presses the button and however often the daily job runs.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { requireStaff } from '../ledger/catalog.ts';
import { marketingBlock } from '../ledger/consent.ts';
import type { Ledger } from '../ledger/db.ts';
import { runOnce } from '../ledger/idempotency.ts';
import { newId } from '../ledger/ids.ts';
import { postPointsEntry } from '../ledger/points.ts';
import { birthdayGreetings, members, staff, tiers } from '../ledger/schema.ts';
import { getSettings } from '../ledger/settings.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { businessDate, isoTime } from '../ledger/time.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { postWalletEntry } from '../ledger/wallet.ts';
import { createCampaign, loadRecipients, queueMarketing } from './campaigns.ts';
import * as cmd from './commands.ts';
import type { Recipient } from './messages.ts';
import type { BirthdayRow, GreetResult } from './types.ts';
import { daysBetween } from '../ledger/visit-figures.ts';

/** The gift's reason in the ledger, in the language the shop writes to members in. */
const GIFT_REASON: Record<Settings['messaging']['language'], string> = { 'zh-CN': '生日礼物', en: 'Birthday gift' };

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The member's birthday in `year` (29 February is kept on the 28th in other years). */
export function birthdayIn(year: number, month: number, day: number): string {
  const d = month === 2 && day === 29 && !isLeap(year) ? 28 : day;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The next birthday on or after `today`. */
export function nextBirthday(today: string, month: number, day: number): string {
  const year = Number(today.slice(0, 4));
  const thisYear = birthdayIn(year, month, day);
  return thisYear >= today ? thisYear : birthdayIn(year + 1, month, day);
}

function greetedIn(ledger: Ledger, year: number, memberIds: string[]): Set<string> {
  if (memberIds.length === 0) return new Set();
  return new Set(
    ledger.db
      .select({ memberId: birthdayGreetings.memberId })
      .from(birthdayGreetings)
      .where(and(eq(birthdayGreetings.year, year), inArray(birthdayGreetings.memberId, memberIds)))
      .all()
      .map((r) => r.memberId),
  );
}

export function upcomingBirthdays(ledger: Ledger, today: string, days: number): BirthdayRow[] {
  const rows = ledger.db
    .select({ member: members, tierName: tiers.name })
    .from(members)
    .innerJoin(tiers, eq(tiers.id, members.tierId))
    .where(and(isNull(members.archivedAt), isNotNull(members.birthMonth), isNotNull(members.birthDay)))
    .all();
  const upcoming = rows.flatMap(({ member, tierName }) => {
    const nextDate = nextBirthday(today, member.birthMonth!, member.birthDay!);
    const daysUntil = daysBetween(today, nextDate);
    return daysUntil < days ? [{ member, tierName, nextDate, daysUntil }] : [];
  });
  const greeted = greetedIn(
    ledger,
    Number(today.slice(0, 4)),
    upcoming.map((u) => u.member.id),
  );
  return upcoming
    .map(({ member, tierName, nextDate, daysUntil }) => ({
      memberId: member.id,
      code: member.code,
      name: member.name,
      phone: member.phone,
      tierName,
      birthMonth: member.birthMonth!,
      birthDay: member.birthDay!,
      nextDate,
      daysUntil,
      turning: member.birthYear ? Number(nextDate.slice(0, 4)) - member.birthYear : null,
      // A birthday early next year is greeted in that year.
      greetedThisYear: nextDate.slice(0, 4) === today.slice(0, 4) && greeted.has(member.id),
      canMessage: marketingBlock(member) === null,
    }))
    .sort((a, b) => a.daysUntil - b.daysUntil || a.name.localeCompare(b.name));
}

interface Greeting {
  staffId: string;
  giftPoints: number;
  giftBonusMinor: number;
  offer: string;
}

/** Inside a transaction: greet each member not yet greeted this year; returns what happened. */
function greetMembers(ledger: Ledger, recipients: Recipient[], greeting: Greeting, shop: Settings): Omit<GreetResult, 'replayed'> {
  const today = businessDate(ledger.clock());
  const year = Number(today.slice(0, 4));
  const already = greetedIn(
    ledger,
    year,
    recipients.map((r) => r.id),
  );
  const result: Omit<GreetResult, 'replayed'> = { greeted: 0, messagesQueued: 0, skipped: [] };
  const spec = { template: shop.messaging.birthdayTemplate, offer: greeting.offer, offerExpiry: null };
  const campaignId = createCampaign(ledger, { kind: 'birthday', name: today, ...spec, staffId: greeting.staffId, shop });
  for (const recipient of recipients) {
    if (recipient.archivedAt) result.skipped.push({ memberId: recipient.id, reason: 'archived' });
    else if (!recipient.birthMonth) result.skipped.push({ memberId: recipient.id, reason: 'no_birthday' });
    else if (already.has(recipient.id)) result.skipped.push({ memberId: recipient.id, reason: 'already_greeted' });
    else {
      const reason = GIFT_REASON[shop.messaging.language];
      if (greeting.giftPoints > 0) postPointsEntry(ledger, { memberId: recipient.id, kind: 'adjust', delta: greeting.giftPoints, reason, staffId: greeting.staffId });
      if (greeting.giftBonusMinor > 0) {
        postWalletEntry(ledger, { memberId: recipient.id, kind: 'adjust', principalDelta: 0, bonusDelta: greeting.giftBonusMinor, reason, staffId: greeting.staffId });
      }
      const { outboxId } = queueMarketing(ledger, recipient, spec, { id: campaignId, kind: 'birthday', staffId: greeting.staffId, shop });
      if (outboxId) result.messagesQueued++;
      ledger.db
        .insert(birthdayGreetings)
        .values({
          id: newId(),
          memberId: recipient.id,
          year,
          outboxId,
          giftPoints: greeting.giftPoints,
          giftBonusMinor: greeting.giftBonusMinor,
          staffId: greeting.staffId,
          createdAt: isoTime(ledger.clock()),
        })
        .run();
      result.greeted++;
    }
  }
  return result;
}

export function greetBirthdays(ledger: Ledger, input: cmd.BirthdayGreet): GreetResult {
  const data = cmd.birthdayGreet.parse(input);
  let firstRun: Omit<GreetResult, 'replayed'> | null = null;
  return runOnce(
    ledger,
    'birthdays.greet',
    data.idempotencyKey,
    data,
    () => {
      requireStaff(ledger, data.staffId);
      const shop = getSettings(ledger);
      firstRun = greetMembers(
        ledger,
        loadRecipients(ledger, [...new Set(data.memberIds)]),
        {
          staffId: data.staffId,
          giftPoints: data.giftPoints ?? shop.messaging.birthdayGiftPoints,
          giftBonusMinor: data.giftBonusMinor ?? shop.messaging.birthdayGiftBonusMinor,
          offer: data.offer,
        },
        shop,
      );
      return JSON.stringify(firstRun);
    },
    (stored) => firstRun ?? (JSON.parse(stored) as Omit<GreetResult, 'replayed'>),
  );
}

/**
 * The daily job: when automatic greetings are on, greet today's birthdays (once per member and year),
 * with the settings' gift, on behalf of the shop's owner. Returns how many were greeted.
 */
export function greetTodaysBirthdays(ledger: Ledger): number {
  const shop = getSettings(ledger);
  if (!shop.messaging.birthdayAutoGreet) return 0;
  const today = businessDate(ledger.clock());
  const due = upcomingBirthdays(ledger, today, 1).filter((b) => !b.greetedThisYear);
  if (due.length === 0) return 0;
  const owner = ledger.db.select({ id: staff.id }).from(staff).where(and(eq(staff.role, 'owner'), isNull(staff.archivedAt))).limit(1).get();
  if (!owner) return 0;
  return inTransaction(ledger, () =>
    greetMembers(
      ledger,
      loadRecipients(
        ledger,
        due.map((b) => b.memberId),
      ),
      { staffId: owner.id, giftPoints: shop.messaging.birthdayGiftPoints, giftBonusMinor: shop.messaging.birthdayGiftBonusMinor, offer: '' },
      shop,
    ),
  ).greeted;
}
