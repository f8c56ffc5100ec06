import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkout } from '../../src-main/ledger/bills.ts';
import { LedgerError } from '../../src-main/ledger/errors.ts';
import { getMember } from '../../src-main/ledger/members.ts';
import { smsOutbox } from '../../src-main/ledger/schema.ts';
import { getSettings, updateSettings } from '../../src-main/ledger/settings.ts';
import { ENGLISH_MESSAGING_TEXTS } from '../../src-main/ledger/settings-schema.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { campaignMembers, listCampaigns, previewCampaign, sendCampaign } from '../../src-main/retention/campaigns.ts';
import { campaignMembers as campaignMembersQuery } from '../../src-main/retention/commands.ts';
import { logCall } from '../../src-main/retention/contacts.ts';
import { memberOutlook } from '../../src-main/retention/outlook.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { buildHistories, every, TODAY } from './retention-shop.ts';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
});
afterEach(() => t.dispose());

const TEMPLATE = '{name}，好久不见！您在{shop}还有余额{balance}、积分{points}。{offer}，{expiry}前有效。';

describe('the win-back preview', () => {
  it('fills each member’s facts, adds the signature and opt-out, counts segments, and says who will not get it', () => {
    const [wang, li, han] = buildHistories(t, [
      { name: '王芳', daysAgo: every(7, 6, 40), amountMinor: 2_500 },
      { name: 'Lily', daysAgo: every(7, 6, 40), amountMinor: 2_500 },
      { name: '韩梅梅', daysAgo: every(7, 6, 40), amountMinor: 2_500, marketing: false },
    ]);
    topUp(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberId: wang!.id, principalMinor: 8_800, method: 'cash' });
    const points = getMember(t.ledger, wang!.id).points;
    const preview = previewCampaign(t.ledger, { memberIds: [wang!.id, li!.id, han!.id], template: TEMPLATE, offer: '回店送一杯拿铁', offerExpiry: '2026-12-31' });
    const first = preview.messages[0]!;
    expect(first.text).toBe(`王芳，好久不见！您在常客小店还有余额¥88.00、积分${points}。回店送一杯拿铁，12月31日前有效。 回T退订`);
    expect(first.fullText).toBe(`【常客小店】${first.text}`);
    expect(first).toMatchObject({ encoding: 'UCS-2', characters: first.fullText.length, segments: 1, blocked: null });
    expect(preview.messages[2]).toMatchObject({ memberId: han!.id, blocked: 'no_consent' });
    expect(preview).toMatchObject({ sendable: 2, blocked: 1, totalSegments: 2, quietHoursNow: false });

    // A long message is two SMS at 67 characters a part.
    const long = previewCampaign(t.ledger, { memberIds: [wang!.id], template: '长'.repeat(80) });
    expect(long.messages[0]).toMatchObject({ segments: 2, encoding: 'UCS-2' });
    // Unknown placeholders are refused before anything is written.
    expect(() => previewCampaign(t.ledger, { memberIds: [wang!.id], template: '{nmae} 你好' })).toThrow(LedgerError);
    expect(() => sendCampaign(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberIds: [wang!.id], template: '{nmae}' })).toThrow(/placeholder|UNKNOWN/i);
    expect(t.ledger.db.select().from(smsOutbox).all()).toHaveLength(0);
  });

  it('a shop writing to members in English: English opt-out line, money and dates; the screen language does not matter', () => {
    updateSettings(t.ledger, { locale: 'zh-CN', shopName: 'Corner Cafe', messaging: { ...getSettings(t.ledger).messaging, ...ENGLISH_MESSAGING_TEXTS } });
    const [ann] = buildHistories(t, [{ name: 'Ann', daysAgo: every(7, 4, 40), amountMinor: 500 }]);
    const preview = previewCampaign(t.ledger, { memberIds: [ann!.id], template: getSettings(t.ledger).messaging.winbackTemplate, offer: 'A free cookie until {expiry}.', offerExpiry: '2026-12-31' });
    expect(preview.messages[0]!.text).toBe('Hi Ann, we miss you at Corner Cafe! You still have CN¥0.00 and 20 points. A free cookie until {expiry}. Reply STOP to opt out');
    const withExpiry = previewCampaign(t.ledger, { memberIds: [ann!.id], template: 'Hi {name}, {offer} until {expiry}.', offer: 'a free cookie', offerExpiry: '2026-12-31' });
    expect(withExpiry.messages[0]).toMatchObject({ text: 'Hi Ann, a free cookie until Dec 31. Reply STOP to opt out', encoding: 'GSM-7' });
    // Switching the screen to English changes nothing members receive.
    updateSettings(t.ledger, { locale: 'en' });
    expect(previewCampaign(t.ledger, { memberIds: [ann!.id], template: 'Hi {name}, {offer} until {expiry}.', offer: 'a free cookie', offerExpiry: '2026-12-31' }).messages[0]!.text).toBe(
      withExpiry.messages[0]!.text,
    );
  });

  it('the default template reads well without an offer', () => {
    const [wang] = buildHistories(t, [{ name: '王芳', daysAgo: every(7, 4, 40), amountMinor: 500 }]);
    const text = previewCampaign(t.ledger, { memberIds: [wang!.id], template: getSettings(t.ledger).messaging.winbackTemplate }).messages[0]!.text;
    expect(text).toBe('王芳，好久不见！您在常客小店还有余额¥0.00、积分20，期待您再来。 回T退订');
  });
});

describe('campaign results', () => {
  it('a contacted member who buys within the window is won back; revenue counts what they spent in it', () => {
    const members = buildHistories(t, [
      { name: '甲', daysAgo: every(7, 6, 40), amountMinor: 3_000 },
      { name: '乙', daysAgo: every(7, 6, 40), amountMinor: 3_000 },
      { name: '丙', daysAgo: every(7, 6, 40), amountMinor: 3_000 },
    ]);
    const sent = sendCampaign(t.ledger, { idempotencyKey: 'campaign-key-1', staffId: t.staffId, name: '十一月回访', memberIds: members.map((m) => m.id), template: TEMPLATE });
    expect(sent).toMatchObject({ queued: 3, skipped: [], replayed: false });
    // A double click: the same campaign back, nothing more written.
    expect(sendCampaign(t.ledger, { idempotencyKey: 'campaign-key-1', staffId: t.staffId, name: '十一月回访', memberIds: members.map((m) => m.id), template: TEMPLATE })).toMatchObject({
      campaignId: sent.campaignId,
      queued: 3,
      replayed: true,
    });
    expect(t.ledger.db.select().from(smsOutbox).all()).toHaveLength(3);
    logCall(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberId: members[1]!.id, outcome: 'will_visit', feedback: '周末来', campaignId: sent.campaignId });

    // 甲 comes back after 3 days and spends ¥45.60 twice; 乙 comes after 40 days (outside 30).
    const buy = (memberId: string, amountMinor: number) =>
      checkout(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberId, lines: [{ name: 'x', amountMinor }], payments: [{ method: 'cash', amountMinor }] });
    t.clock.advance(3 * 86_400_000);
    buy(members[0]!.id, 4_560);
    buy(members[0]!.id, 4_560);
    t.clock.advance(37 * 86_400_000);
    buy(members[1]!.id, 9_999);

    const [stats] = listCampaigns(t.ledger);
    expect(stats).toMatchObject({
      id: sent.campaignId,
      name: '十一月回访',
      kind: 'winback',
      contacted: 3,
      wonBack: 1,
      winBackRateBp: 3333,
      revenueMinor: 9_120,
      wonBackDays: 30,
      sms: { pending: 3, sent: 0, failed: 0, cancelled: 0 },
    });
    const page = campaignMembers(t.ledger, campaignMembersQuery.parse({ campaignId: sent.campaignId }), TODAY);
    expect(page.total).toBe(3);
    const jia = page.rows.find((r) => r.memberId === members[0]!.id)!;
    expect(jia.wonBackAt).not.toBeNull();
    expect(page.rows.find((r) => r.memberId === members[2]!.id)!.wonBackAt).toBeNull();

    const outlook = memberOutlook(t.ledger, members[1]!.id, TODAY);
    expect(outlook.contacts.map((c) => [c.channel, c.outcome, c.feedback, c.campaignName])).toEqual([
      ['call', 'will_visit', '周末来', '十一月回访'],
      ['sms', null, '', '十一月回访'],
    ]);
    expect(outlook.contacts[1]!.smsStatus).toBe('pending');
  });
});
