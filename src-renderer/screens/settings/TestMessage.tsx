/**
 * "Send a test SMS" to a phone (`sms.test`), once the provider settings are saved, then what became
 * of it as the outbox reports: waiting, sent, or failed with the provider's reason. Lives inside the
 * provider form, so Enter in the phone field sends the test rather than saving the form.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../../src-main/sms/types.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';

/** How often and how long the outbox is asked about the test message. */
const POLL_MS = 1500;
const POLL_LIMIT = 40;
const OUTBOX_PAGE = 50;

export function TestMessage({ canSend }: { canSend: boolean }) {
  const { t } = useTranslation();
  const uid = useId();
  const [phone, setPhone] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [messageId, setMessageId] = useState<string | null>(null);
  const [message, setMessage] = useState<OutboxMessage | null>(null);

  // Follow the queued message until it is sent, failed or cancelled (or we stop asking).
  useEffect(() => {
    if (!messageId) return;
    let polls = 0;
    let stopped = false;
    const poll = async () => {
      polls += 1;
      try {
        const page = await api.call('sms.outbox', { limit: OUTBOX_PAGE });
        const found = page.rows.find((row) => row.id === messageId) ?? null;
        if (stopped) return;
        setMessage(found);
        if (found && (found.status === 'sent' || found.status === 'failed' || found.status === 'cancelled')) return;
      } catch {
        // The next poll asks again; the queued note stays.
      }
      if (!stopped && polls < POLL_LIMIT) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    let timer = window.setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [messageId]);

  const send = async () => {
    if (!canSend || sending || phone.trim() === '') return;
    setSending(true);
    setError(null);
    setMessage(null);
    setMessageId(null);
    try {
      setMessageId((await api.call('sms.test', { phone: phone.trim() })).messageId);
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
