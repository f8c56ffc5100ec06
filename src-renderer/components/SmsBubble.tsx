/**
 * One text message as the member's phone shows it (signature, text, opt-out line, as the outbox holds
 * it), with its length, SMS count and encoding under it, and a mark when it is split into several SMS
 * (each billed). The send dialog's per-member preview and the template preview in the settings.
 */
import { useTranslation } from 'react-i18next';
import type { SegmentInfo } from '../../src-main/sms/types.ts';
import { useFormat } from './format.ts';

export function SmsBubble({ message, countsId }: { message: SegmentInfo & { fullText: string }; countsId?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <p className="sms-bubble">{message.fullText}</p>
      <p className="sms-meta">
        <span className="num" id={countsId}>
          {t('retention.sms.counts', { characters: f.number(message.characters), segments: f.number(message.segments), encoding: message.encoding })}
        </span>
        {message.segments > 1 ? <span className="badge badge-warn">{t('retention.sms.multiPart', { count: message.segments })}</span> : null}
      </p>
    </>
  );
}
