/**
 * "Send a test SMS" to a phone (`sms.test`), once the provider settings are saved, then what became
 * of it as the outbox reports: waiting, sent, or failed with the provider's reason. Lives inside the
 * provider form, so Enter in the phone field sends the test rather than saving the form.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmsStatus } from '../../../src-main/sms/types.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';

/** How often and how long the outbox is asked about the test message. */
const POLL_MS = 1500;
const POLL_LIMIT = 40;
const OUTBOX_PAGE = 50;
const SETTLED: ReadonlySet<SmsStatus> = new Set(['sent', 'failed', 'cancelled']);

export function TestMessage({ canSend }: { canSend: boolean }) {
  const { t } = useTranslation();
  const uid = useId();
  const [phone, setPhone] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [messageId, setMessageId] = useState<string | null>(null);
  const polls = useRef(0);

  // Follow the queued message until it is sent, failed or cancelled (or we stop asking).
  const outbox = useApiQuery('sms.outbox', messageId ? { limit: OUTBOX_PAGE } : null, {
    refreshMs: (page) => {
      polls.current += 1;
      const found = page.rows.find((row) => row.id === messageId);
      return (found && SETTLED.has(found.status)) || polls.current >= POLL_LIMIT ? null : POLL_MS;
    },
  });
  const message = messageId ? (outbox.data?.rows.find((row) => row.id === messageId) ?? null) : null;

  const send = async () => {
    if (!canSend || sending || phone.trim() === '') return;
    setSending(true);
    setError(null);
    setMessageId(null);
    try {
      const queued = await api.call('sms.test', { phone: phone.trim() });
      polls.current = 0;
      setMessageId(queued.messageId);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const statusText = message
    ? message.status === 'failed'
      ? t('settings.provider.testStatus.failed', { error: message.lastError })
      : t(`settings.provider.testStatus.${message.status}`)
    : messageId
      ? t('settings.provider.testQueued')
      : null;

  return (
    <section className="card settings-card" aria-labelledby={`${uid}-title`}>
      <h3 className="settings-card-title" id={`${uid}-title`}>
        {t('settings.provider.test')}
      </h3>
      <p className="field-hint">{canSend ? t('settings.provider.testHint') : t('settings.provider.testSaveFirst')}</p>
      <div className="provider-test">
        <TextField
          id={`${uid}-phone`}
          label={t('settings.provider.testPhone')}
          type="tel"
          inputClassName="num"
          value={phone}
          onValue={setPhone}
          maxLength={32}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void send();
            }
          }}
        />
        <button type="button" className="btn" onClick={() => void send()} disabled={!canSend || sending || phone.trim() === ''}>
          {sending ? t('settings.provider.testSending') : t('settings.provider.testSend')}
        </button>
      </div>
      <p className={`provider-test-status${message?.status === 'failed' ? ' is-failed' : message?.status === 'sent' ? ' is-sent' : ''}`} role="status">
        {statusText}
      </p>
      {error ? <ErrorNotice error={error} title={t('settings.provider.testFailed')} /> : null}
    </section>
  );
}
