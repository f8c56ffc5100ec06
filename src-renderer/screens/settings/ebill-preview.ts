/**
 * An e-bill template as the member's phone would show it, built with the outbox's own helpers (the
 * e-bill filling, the signature, the segment count), so the preview and the message sent never differ.
 * No opt-out line: an e-bill is not marketing. Pure, no DOM.
 */
import type { Receipt } from '../../../src-main/receipts/types.ts';
import { ebillText } from '../../../src-main/sms/ebill-text.ts';
import { segmentsOf } from '../../../src-main/sms/segments.ts';
import { fullText } from '../../../src-main/sms/templates.ts';
import type { MessagePreview } from './message-preview.ts';

/** `signature` as `signatureOf` gives it (the messaging signature, else the shop name). */
export function previewEbill(template: string, signature: string, sample: Receipt): MessagePreview {
  const shown = fullText(signature, ebillText(sample, template));
  return { fullText: shown, ...segmentsOf(shown) };
}
