/**
 * One marketing message for one member: the shop's template filled with their facts, the opt-out
 * line, the signature, its SMS count — and whether they may receive it at all. The send dialog's
 * preview and the outbox rows come from here, so what the owner previews is what goes out.
 */
import { marketingBlock } from '../ledger/consent.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { segmentsOf } from '../sms/segments.ts';
import { fillTemplate, fullText, marketingText, placeholderValues, signatureOf } from '../sms/templates.ts';
import type { MessagePreview } from './types.ts';

export interface Recipient {
  id: string;
  name: string;
  phone: string;
  balancePrincipalMinor: number;
  balanceBonusMinor: number;
  points: number;
  smsMarketingConsent: boolean;
  doNotContact: boolean;
  archivedAt: string | null;
  birthMonth: number | null;
}

export interface MessageSpec {
  template: string;
  offer: string;
  offerExpiry?: string | null | undefined;
}

export function composeMarketing(member: Recipient, spec: MessageSpec, shop: Settings): { preview: MessagePreview; signature: string } {
  const values = placeholderValues(
    { name: member.name, balanceMinor: member.balancePrincipalMinor + member.balanceBonusMinor, points: member.points },
    { shopName: shop.shopName, currency: shop.currency, locale: shop.messaging.language },
    spec.offer,
    spec.offerExpiry,
  );
  const text = marketingText(fillTemplate(spec.template, values), shop.messaging.optOutText);
  const signature = signatureOf(shop.messaging.signature, shop.shopName);
  const shown = fullText(signature, text);
  const count = segmentsOf(shown);
  const preview: MessagePreview = {
    memberId: member.id,
    name: member.name,
    phone: member.phone,
    text,
    fullText: shown,
    characters: count.characters,
    segments: count.segments,
    encoding: count.encoding,
    blocked: marketingBlock(member),
  };
  return { preview, signature };
}
