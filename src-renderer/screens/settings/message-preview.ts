/**
 * A template as a member's phone would show it, built with the outbox's own helpers (fill, opt-out,
 * signature, segment count), so the settings preview and the messages sent never differ. Money and
 * dates are written in the messages' language (`shop.locale`), not the screen's. Pure, no DOM.
 */
import { segmentsOf } from '../../../src-main/sms/segments.ts';
import { fillTemplate, fullText, marketingText, placeholderValues, signatureOf, type MemberFacts, type ShopFacts } from '../../../src-main/sms/templates.ts';
import type { SegmentInfo } from '../../../src-main/sms/types.ts';

export interface PreviewSample {
  member: MemberFacts;
  offer: string;
  /** YYYY-MM-DD */
  offerExpiry: string;
}

export interface MessagePreview extends SegmentInfo {
  /** Signature, text and opt-out, as the phone shows it. */
  fullText: string;
}

export function previewMessage(template: string, texts: { signature: string; optOutText: string }, shop: ShopFacts, sample: PreviewSample): MessagePreview {
  const values = placeholderValues(sample.member, shop, sample.offer, sample.offerExpiry);
  const text = marketingText(fillTemplate(template, values), texts.optOutText.trim());
  const shown = fullText(signatureOf(texts.signature, shop.shopName), text);
  return { fullText: shown, ...segmentsOf(shown) };
}
