/**
 * Win-back campaigns: preview a templated SMS per member, send it (one outbox message and one contact
 * per member who consented, all in one transaction with the campaign), and measure it: a contacted
 * member who buys within the campaign's window counts as won back, and what they spent in it is the
 * campaign's revenue.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { requireStaff } from '../ledger/catalog.ts';
import { marketingBlock } from '../ledger/consent.ts';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { runOnce } from '../ledger/idempotency.ts';
import { newId } from '../ledger/ids.ts';
import { campaigns, contacts, members, smsOutbox } from '../ledger/schema.ts';
import { getSettings } from '../ledger/settings.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { isoTime } from '../ledger/time.ts';
import { countByStatus, enqueueSms } from '../sms/outbox.ts';
import { isQuietTime, nextSendableTime } from '../sms/quiet-hours.ts';
import { unknownPlaceholders } from '../sms/templates.ts';
import * as cmd from './commands.ts';
import { recordContact } from './contacts.ts';
import { MEMBER_COLUMNS, toRetentionMembers, type MemberColumns } from './member-rows.ts';
import { composeMarketing, type MessageSpec, type Recipient } from './messages.ts';
import { latestFit } from './model.ts';
import { rfmCutPoints } from './segments.ts';
import { shareBp } from './rfm.ts';
import type { CampaignKind, CampaignPreview, CampaignSendResult, CampaignStats, MemberPage, SendBlock } from './types.ts';

export function loadRecipients(ledger: Ledger, memberIds: string[]): Recipient[] {
  const rows = ledger.db.select().from(members).where(inArray(members.id, memberIds)).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return memberIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

function checkTemplate(template: string): void {
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) fail('UNKNOWN_PLACEHOLDER', { placeholders: unknown.join(' ') });
}

export function previewCampaign(ledger: Ledger, input: z.input<typeof cmd.campaignPreview>): CampaignPreview {
  const data = cmd.campaignPreview.parse(input);
  checkTemplate(data.template);
  const shop = getSettings(ledger);
  const messages = loadRecipients(ledger, [...new Set(data.memberIds)]).map((m) => composeMarketing(m, data, shop).preview);
  const sendable = messages.filter((m) => m.blocked === null);
  const now = ledger.clock();
  const quiet = { start: shop.messaging.quietHoursStart, end: shop.messaging.quietHoursEnd };
  return {
    messages,
    sendable: sendable.length,
    totalSegments: sendable.reduce((sum, m) => sum + m.segments, 0),
    blocked: messages.length - sendable.length,
    quietHoursNow: isQuietTime(now, quiet),
    sendFrom: isoTime(nextSendableTime(now, quiet)),
  };
}

export interface CampaignWrite extends MessageSpec {
  kind: CampaignKind;
  name: string;
  staffId: string | null;
  shop: Settings;
}

/** Inside the caller's transaction: the campaign row. */
export function createCampaign(ledger: Ledger, write: CampaignWrite): string {
  const id = newId();
  ledger.db
    .insert(campaigns)
    .values({
      id,
      tillId: ledger.tillId,
      kind: write.kind,
      name: write.name,
      template: write.template,
      offer: write.offer,
      offerExpiry: write.offerExpiry ?? null,
      wonBackDays: write.shop.retention.wonBackDays,
      staffId: write.staffId,
      createdAt: isoTime(ledger.clock()),
    })
    .run();
  return id;
}

/** Inside the caller's transaction: the member's message into the outbox and the contact that records it. */
export function queueMarketing(
  ledger: Ledger,
  recipient: Recipient,
  spec: MessageSpec,
  campaign: { id: string; kind: CampaignKind; staffId: string | null; shop: Settings },
): { outboxId: string; blocked: null } | { outboxId: null; blocked: SendBlock } {
  const { preview, signature } = composeMarketing(recipient, spec, campaign.shop);
  if (preview.blocked) return { outboxId: null, blocked: preview.blocked };
  const outboxId = enqueueSms(ledger, {
    kind: campaign.kind === 'birthday' ? 'birthday' : 'marketing',
    memberId: recipient.id,
    campaignId: campaign.id,
    phone: recipient.phone,
    text: preview.text,
    signature,
  });
  recordContact(ledger, { memberId: recipient.id, channel: 'sms', campaignId: campaign.id, outboxId, staffId: campaign.staffId });
  return { outboxId, blocked: null };
}

export function sendCampaign(ledger: Ledger, input: cmd.CampaignSend): CampaignSendResult {
  const data = cmd.campaignSend.parse(input);
  const memberIds = [...new Set(data.memberIds)];
  const skippedNow: CampaignSendResult['skipped'] = [];
  return runOnce(
    ledger,
    'campaigns.send',
    data.idempotencyKey,
    data,
    () => {
      requireStaff(ledger, data.staffId);
      checkTemplate(data.template);
      const shop = getSettings(ledger);
      const campaignId = createCampaign(ledger, { kind: 'winback', name: data.name, template: data.template, offer: data.offer, offerExpiry: data.offerExpiry, staffId: data.staffId, shop });
      for (const recipient of loadRecipients(ledger, memberIds)) {
        const { blocked } = queueMarketing(ledger, recipient, data, { id: campaignId, kind: 'winback', staffId: data.staffId, shop });
        if (blocked) skippedNow.push({ memberId: recipient.id, reason: blocked });
      }
      return campaignId;
    },
    (campaignId) => {
      const contacted = new Set(
        ledger.db
          .select({ memberId: contacts.memberId })
          .from(contacts)
          .where(and(eq(contacts.campaignId, campaignId), eq(contacts.channel, 'sms')))
          .all()
          .map((r) => r.memberId),
      );
      // On a replay the skipped list is rebuilt: every requested member without a message, and why now.
      const skipped =
        skippedNow.length > 0
          ? skippedNow
          : loadRecipients(ledger, memberIds.filter((id) => !contacted.has(id))).map((m) => ({ memberId: m.id, reason: marketingBlock(m) ?? 'no_consent' }));
      return { campaignId, queued: contacted.size, skipped };
    },
  );
}

const STATS_SQL = `
  with first_contact as (
    select campaign_id, member_id, min(created_at) as at from contacts where campaign_id is not null group by campaign_id, member_id
  ),
  windowed as (
    select f.campaign_id, f.member_id, f.at, strftime('%Y-%m-%dT%H:%M:%fZ', f.at, '+' || k.won_back_days || ' days') as until
    from first_contact f join campaigns k on k.id = f.campaign_id
  ),
  outcome as (
    select w.campaign_id, w.member_id,
      exists (select 1 from bills b where b.member_id = w.member_id and b.kind = 'sale' and b.created_at > w.at and b.created_at <= w.until) as won,
      (select coalesce(sum(b.total_minor), 0) from bills b where b.member_id = w.member_id and b.created_at > w.at and b.created_at <= w.until) as spent
    from windowed w
  )
  select k.*, count(o.member_id) as contacted, coalesce(sum(o.won), 0) as won_back, coalesce(sum(case when o.won then o.spent else 0 end), 0) as revenue
  from campaigns k left join outcome o on o.campaign_id = k.id
  group by k.id order by k.created_at desc`;

interface StatsRow {
  id: string;
  kind: CampaignKind;
  name: string;
  offer: string;
  offer_expiry: string | null;
  created_at: string;
  won_back_days: number;
  contacted: number;
  won_back: number;
  revenue: number;
}

export function listCampaigns(ledger: Ledger): CampaignStats[] {
  const rows = ledger.sqlite.prepare(STATS_SQL).all() as StatsRow[];
  return rows.map((row) => {
    const sms = countByStatus(ledger, eq(smsOutbox.campaignId, row.id));
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      offer: row.offer,
      offerExpiry: row.offer_expiry,
      createdAt: row.created_at,
      wonBackDays: row.won_back_days,
      contacted: row.contacted,
      sms: { pending: sms.pending + sms.sending, sent: sms.sent, failed: sms.failed, cancelled: sms.cancelled },
      wonBack: row.won_back,
      winBackRateBp: shareBp(row.won_back, row.contacted),
      revenueMinor: row.revenue,
    };
  });
}

/** Who a campaign contacted, with whether each came back (most recent contact first). */
export function campaignMembers(ledger: Ledger, input: z.output<typeof cmd.campaignMembers>, asOfDate: string): MemberPage {
  if (!ledger.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.campaignId)).get()) fail('CAMPAIGN_NOT_FOUND');
  const total = (
    ledger.sqlite.prepare('select count(distinct member_id) as n from contacts where campaign_id = ?').get(input.campaignId) as { n: number }
  ).n;
  const rows = ledger.sqlite
    .prepare(
      `select ${MEMBER_COLUMNS} from members m join tiers t on t.id = m.tier_id
       join (select member_id, max(created_at) as at from contacts where campaign_id = ? group by member_id) c on c.member_id = m.id
       order by c.at desc, m.id limit ? offset ?`,
    )
    .all(input.campaignId, input.limit, input.offset) as MemberColumns[];
  const { retention } = getSettings(ledger);
  return { total, rows: toRetentionMembers(ledger, rows, { asOfDate, fit: latestFit(ledger), cuts: rfmCutPoints(ledger, asOfDate), wonBackDays: retention.wonBackDays }) };
}
