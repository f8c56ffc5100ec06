/**
 * Message templates: `{name}`-style placeholders filled per member, the 【signature】 the carrier shows,
 * and the opt-out line every marketing message must end with. Plain code, no Node imports: the send
 * dialog previews with exactly what the outbox will hold.
 */
import { formatMoney } from '../api/money-format.ts';

export const PLACEHOLDERS = ['name', 'shop', 'balance', 'points', 'offer', 'expiry'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const PLACEHOLDER_PATTERN = /\{([A-Za-z]+)\}/g;

/**
 * Placeholders in the template that we do not know, e.g. a typo like {nmae}: shown to the owner before
 * sending. `known` is the set the template is for (marketing by default, or the e-bill's).
 */
export function unknownPlaceholders(template: string, known: readonly string[] = PLACEHOLDERS): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER_PATTERN)) {
    if (!known.includes(match[1]!)) unknown.add(match[0]);
  }
  return [...unknown];
}

export function fillTemplate<K extends string>(template: string, values: Record<K, string>): string {
  return template.replace(PLACEHOLDER_PATTERN, (whole, key: string) => (Object.hasOwn(values, key) ? values[key as K] : whole));
}

export interface MemberFacts {
  name: string;
  balanceMinor: number;
  points: number;
}

export interface ShopFacts {
  shopName: string;
  currency: string;
  locale: string;
}

/** "2026-12-31" → 12月31日 / Dec 31 (a member reads the date, not an ISO string). */
export function formatOfferExpiry(date: string | null | undefined, locale: string): string {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

export function placeholderValues(member: MemberFacts, shop: ShopFacts, offer: string, offerExpiry: string | null | undefined): PlaceholderValues {
  return {
    name: member.name,
    shop: shop.shopName,
    balance: formatMoney(member.balanceMinor, shop.currency, shop.locale),
    points: String(member.points),
    offer,
    expiry: formatOfferExpiry(offerExpiry, shop.locale),
  };
}

/** The text a marketing message carries: the filled template and, on its own line's end, the opt-out. */
export function marketingText(filled: string, optOutText: string): string {
  const body = filled.trim();
  return optOutText ? `${body} ${optOutText}` : body;
}

/** The sender signature: the one set in settings, else the shop name. */
export function signatureOf(messagingSignature: string, shopName: string): string {
  return (messagingSignature || shopName).trim();
}

/**
 * As the phone shows it (and as carriers count it). A Chinese signature is 【签名】 before the text,
 * as Chinese carriers require (Aliyun and Tencent add it themselves from SignName); a signature in
 * Latin letters is "[Shop] text", so an English message stays in GSM-7 (160 characters an SMS, where
 * the full-width brackets would force UCS-2 and 70).
 */
export function fullText(signature: string, text: string): string {
  if (!signature) return text;
  return /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(signature) ? `【${signature}】${text}` : `[${signature}] ${text}`;
}
