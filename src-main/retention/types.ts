/**
 * What the retention screens receive: the lapsed list, RFM segments, the BG/NBD outlook, campaigns,
 * the contact log and birthdays. Plain types, shared with the renderer through the API contract.
 */
import type { CALL_OUTCOMES, CAMPAIGN_KINDS, CONTACT_CHANNELS } from '../ledger/vocabulary.ts';

export const SEGMENTS = ['champions', 'loyal', 'new', 'at_risk', 'cant_lose', 'hibernating', 'lost'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Quintile scores, 5 = best (most recent, most frequent, most spent). */
export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: Segment;
}

export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export interface ContactEntry {
  id: string;
  memberId: string;
  campaignId: string | null;
  campaignName: string | null;
  channel: ContactChannel;
  outcome: CallOutcome | null;
  feedback: string;
  /** For an SMS: where its message is now. */
  smsStatus: string | null;
  staffName: string | null;
  createdAt: string;
}

/** One member as the owner sees them on the lapsed list and in a segment. */
export interface RetentionMember {
  memberId: string;
  code: string;
  name: string;
  phone: string;
  tierId: string;
  tierName: string;
  firstVisitDate: string | null;
  lastVisitDate: string | null;
  daysAbsent: number | null;
  visitDays: number;
  /** Their usual number of days between visits (null with fewer than two visit days). */
  usualIntervalDays: number | null;
  totalSpentMinor: number;
  /** What they spent per month while active: the value at risk when they stop coming. */
  monthlySpendMinor: number;
  balancePrincipalMinor: number;
  balanceBonusMinor: number;
  points: number;
  rfm: RfmScore | null;
  /** BG/NBD: probability they are still a customer, and expected visits in the next 90 days (null until a model is fitted). */
  probabilityAlive: number | null;
  expectedVisits90: number | null;
  /** (1 − probabilityAlive) × monthly spend, in minor units. */
  expectedLossMinor: number | null;
  smsMarketingConsent: boolean;
  doNotContact: boolean;
  contactCount: number;
  lastContact: { channel: ContactChannel; outcome: CallOutcome | null; feedback: string; at: string } | null;
  /** First visit after their last contact, when within the won-back window. */
  wonBackAt: string | null;
}

export const LAPSED_RANKINGS = ['value_at_risk', 'expected_loss', 'days_absent'] as const;
export type LapsedRanking = (typeof LAPSED_RANKINGS)[number];

export interface ModelFit {
  id: string;
  asOfDate: string;
  members: number;
  params: { r: number; alpha: number; a: number; b: number };
  logLikelihood: number;
  converged: boolean;
  durationMs: number;
  createdAt: string;
}

export interface LapsedPage {
  asOfDate: string;
  /** Lapsed members matching the filters. */
  total: number;
  /** Sum of their monthly spend: what the shop loses per month if none comes back. */
  valueAtRiskMinor: number;
  rows: RetentionMember[];
  model: ModelFit | null;
}

export interface SegmentCount {
  segment: Segment;
  members: number;
  revenueMinor: number;
  /** Share of all members' revenue, in basis points (10000 = 100%). */
  revenueShareBp: number;
}

export interface SegmentSummary {
  asOfDate: string;
  /** Members with at least one visit. */
  members: number;
  revenueMinor: number;
  segments: SegmentCount[];
  /** The 80/20 view: the top 20% of members by spend and the share of revenue they bring. */
  top20: { members: number; revenueMinor: number; revenueShareBp: number };
}

export interface MemberPage {
  total: number;
  rows: RetentionMember[];
}

export interface MemberOutlook {
  member: RetentionMember;
  lapsed: boolean;
  contacts: ContactEntry[];
}

export interface CampaignStats {
  id: string;
  kind: CampaignKind;
  name: string;
  offer: string;
  offerExpiry: string | null;
  createdAt: string;
  wonBackDays: number;
  /** Members contacted in this campaign (SMS queued or call logged). */
  contacted: number;
  sms: { pending: number; sent: number; failed: number; cancelled: number };
  wonBack: number;
  winBackRateBp: number;
  /** What the won-back members spent within the window (net of refunds). */
  revenueMinor: number;
}

export type SendBlock = import('../ledger/consent.ts').MarketingBlock;

export interface MessagePreview {
  memberId: string;
  name: string;
  phone: string;
  /** Without the signature. */
  text: string;
  /** As the phone shows it: 【signature】text. */
  fullText: string;
  characters: number;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** Why this member will not get it (null: will be sent). */
  blocked: SendBlock | null;
}

export interface CampaignPreview {
  messages: MessagePreview[];
  /** Messages that will go out, and the SMS (segments) they cost. */
  sendable: number;
  totalSegments: number;
  blocked: number;
  /** Marketing waits for the end of quiet hours: when the first one may go. */
  quietHoursNow: boolean;
  sendFrom: string;
}

export interface CampaignSendResult {
  campaignId: string;
  queued: number;
  skipped: Array<{ memberId: string; reason: SendBlock }>;
  replayed: boolean;
}

export interface BirthdayRow {
  memberId: string;
  code: string;
  name: string;
  phone: string;
  tierName: string;
  birthMonth: number;
  birthDay: number;
  /** The next birthday on or after today (Feb 29 falls on Feb 28 in other years). */
  nextDate: string;
  daysUntil: number;
  /** Age on that day, when the year is known. */
  turning: number | null;
  greetedThisYear: boolean;
  canMessage: boolean;
}

export interface GreetResult {
  greeted: number;
  messagesQueued: number;
  skipped: Array<{ memberId: string; reason: 'already_greeted' | 'no_birthday' | 'archived' }>;
  replayed: boolean;
}
