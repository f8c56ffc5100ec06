/**
 * After a campaign is queued: its messages on their way, read from the outbox (`sms.outbox` for the
 * campaign, counts by status) once a second while any is still waiting — every ten seconds during
 * quiet hours, when nothing moves until they end. A bar of sent and failed out of all queued.
 */
import { useTranslation } from 'react-i18next';
import type { CampaignSendResult } from '../../../src-main/retention/types.ts';
import { ErrorNotice, Notice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { sendTimeText } from './send-time.ts';
import { SkippedList } from './SkippedList.tsx';

const POLL_MS = 1000;
const QUIET_POLL_MS = 10_000;

interface CampaignProgressProps {
  result: CampaignSendResult;
  /** Names of the members skipped, by id. */
  nameOf: (memberId: string) => string;
  /** Set when it is quiet hours: when the messages may go. */
  sendFrom: string | null;
}

export function CampaignProgress({ result, nameOf, sendFrom }: CampaignProgressProps) {
  const { t } = useTranslation();
  const f = useFormat();
  // Each answer decides whether to ask again: while any message still waits.
  const outbox = useApiQuery(
    'sms.outbox',
    { campaignId: result.campaignId, limit: 1 },
    { refreshMs: (page) => (page.counts.pending + page.counts.sending > 0 ? (sendFrom ? QUIET_POLL_MS : POLL_MS) : null) },
  );
  const counts = outbox.data?.counts ?? null;
  const waiting = counts ? counts.pending + counts.sending : result.queued;
  const sent = counts?.sent ?? 0;
  const failed = counts?.failed ?? 0;
  const cancelled = counts?.cancelled ?? 0;
  const total = counts ? waiting + sent + failed + cancelled : result.queued;
  const finished = sent + failed + cancelled;
  const done = counts !== null && waiting === 0;

  const pct = (n: number) => (total > 0 ? `${(n * 100) / total}%` : '0%');
  return (
    <div className="campaign-progress">
      <p className="progress-queued">
        <Icon name="check" className="is-gain" />
        <span>{t('regulars.progress.queued', { count: result.queued })}</span>
        {result.replayed ? <span className="muted">{t('regulars.progress.replayed')}</span> : null}
      </p>
      {total > 0 ? (
        <>
          <div
            className="progress-bar"
            role="progressbar"
            aria-label={t('regulars.progress.label')}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={finished}
            aria-valuetext={t('regulars.progress.counts', { sent, pending: waiting, failed })}
          >
            <span className="progress-sent" style={{ width: pct(sent) }} />
            <span className="progress-failed" style={{ width: pct(failed + cancelled) }} />
          </div>
          <p className="progress-counts num" role="status">
            {t('regulars.progress.counts', { sent, pending: waiting, failed })}
          </p>
        </>
      ) : null}
      {done ? (
        failed > 0 ? (
          <Notice kind="note" className="notice-warn" text={t('regulars.progress.doneWithFailures', { count: failed })} />
        ) : total > 0 ? (
          <p className="progress-done is-gain strong">{t('regulars.progress.done')}</p>
        ) : null
      ) : sendFrom ? (
        <Notice kind="note" className="notice-warn" text={t('regulars.preview.quietHours', { time: sendTimeText(sendFrom, f) })} />
      ) : null}
      {outbox.error ? <ErrorNotice error={outbox.error} onRetry={outbox.reload} /> : null}
      <SkippedList
        title={t('regulars.progress.skipped', { count: result.skipped.length })}
        rows={result.skipped.map((s) => ({ memberId: s.memberId, name: nameOf(s.memberId), reason: t(`regulars.block.${s.reason}`) }))}
      />
    </div>
  );
}
