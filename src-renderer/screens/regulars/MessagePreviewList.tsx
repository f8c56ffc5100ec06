/**
 * The preview column of the send dialog: the totals ("将发送 N 条，共 M 条短信"), the quiet-hours
 * warning, each message as the phone will show it with its length, SMS count and encoding, and the
 * members who will not get it, with the reason.
 */
import { useTranslation } from 'react-i18next';
import type { CampaignPreview, MessagePreview } from '../../../src-main/retention/types.ts';
import { ErrorNotice, Notice } from '../../components/ErrorNotice.tsx';
import { formatPhone, useFormat } from '../../components/format.ts';
import { Loading } from '../../components/QueryStatus.tsx';
import { SmsBubble } from '../../components/SmsBubble.tsx';
import { sendTimeText } from './send-time.ts';
import { SkippedList } from './SkippedList.tsx';

/** More than this many bubbles is more than anyone reads; the totals still count them all. */
const SHOWN_MAX = 60;

interface MessagePreviewListProps {
  preview: CampaignPreview | null;
  /** The preview answers the draft on screen. */
  current: boolean;
  error: unknown;
  onRetry: () => void;
}

function Bubble({ message }: { message: MessagePreview }) {
  return (
    <li className="sms-preview-item">
      <div className="sms-preview-to">
        <span className="strong">{message.name}</span>
        <span className="muted num">{formatPhone(message.phone)}</span>
      </div>
      <SmsBubble message={message} />
    </li>
  );
}

export function MessagePreviewList({ preview, current, error, onRetry }: MessagePreviewListProps) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!preview) {
    return error ? <ErrorNotice error={error} title={t('regulars.preview.failed')} onRetry={onRetry} /> : <Loading text={t('regulars.preview.loading')} />;
  }
  const sendable = preview.messages.filter((m) => m.blocked === null);
  const blocked = preview.messages.filter((m) => m.blocked !== null);
  return (
    <div className={`preview-column${current ? '' : ' is-stale'}`} aria-busy={!current}>
      <p className="preview-totals" role="status">
        <strong>{t('regulars.preview.totals', { count: preview.sendable, segments: preview.totalSegments })}</strong>
        {preview.blocked > 0 ? <span className="muted">{t('regulars.preview.blockedCount', { count: preview.blocked })}</span> : null}
      </p>
      {error ? <ErrorNotice error={error} title={t('regulars.preview.failed')} onRetry={onRetry} /> : null}
      {preview.quietHoursNow ? <Notice kind="note" className="notice-warn" text={t('regulars.preview.quietHours', { time: sendTimeText(preview.sendFrom, f) })} /> : null}
      {sendable.length > 0 ? (
        <ul className="sms-preview-list" aria-label={t('regulars.preview.listLabel')}>
          {sendable.slice(0, SHOWN_MAX).map((m) => (
            <Bubble key={m.memberId} message={m} />
          ))}
        </ul>
      ) : (
        <Notice kind="note" className="notice-warn" text={t('regulars.preview.nothingToSend')} />
      )}
      {sendable.length > SHOWN_MAX ? <p className="table-note">{t('regulars.preview.more', { count: sendable.length - SHOWN_MAX })}</p> : null}
      <SkippedList title={t('regulars.preview.blockedHeading', { count: blocked.length })} rows={blocked.map((m) => ({ memberId: m.memberId, name: m.name, reason: t(`regulars.block.${m.blocked!}`) }))} />
    </div>
  );
}
