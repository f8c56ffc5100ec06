/**
 * The SMS outbox end to end against loopback fakes of each provider: a campaign writes messages in
 * its transaction, the sender delivers them after the commit, and retries, restarts, opt-outs, consent
 * and quiet hours behave — nothing sent that should not be, nothing lost, nothing sent twice.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setConsent } from '../../src-main/ledger/consent.ts';
import { createMember, getMember } from '../../src-main/ledger/members.ts';
import { consentEvents, smsAttempts, smsOutbox } from '../../src-main/ledger/schema.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { sendCampaign } from '../../src-main/retention/campaigns.ts';
import { claimNextDue, requeueInterrupted, retryDelayMs } from '../../src-main/sms/outbox.ts';
import { makeProvider } from '../../src-main/sms/providers/index.ts';
import { OutboxSender } from '../../src-main/sms/sender.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { FAKE_KINDS, startFake, type FakeProvider } from './fakes/index.ts';

const TEMPLATE = '{name}，好久不见！余额{balance}。';

let t: TestLedger;
let fake: FakeProvider;
let members: Member[];

/** The first send through Twilio or Aliyun loads a 30 MB SDK: a generous timeout, except where the timeout is the test. */
function newSender(timeoutMs = 20_000): OutboxSender {
  return new OutboxSender({ ledger: t.ledger, provider: () => makeProvider(fake.config, fake.secrets, { timeoutMs }) });
}

function outbox() {
  return t.ledger.db.select().from(smsOutbox).all();
}

function send(memberIds: string[]) {
  return sendCampaign(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberIds, template: TEMPLATE });
}

function addMembers(): Member[] {
  const make = (phone: string, name: string, marketing: boolean) =>
    createMember(t.ledger, { staffId: t.staffId, phone, name, smsMarketingConsent: marketing });
  return [make('13900000001', '王芳', true), make('13900000002', '李雷', true), make('13900000003', '韩梅梅', false)];
}

beforeEach(() => {
  // 14:00 on a Monday: outside the default quiet hours (21:00–09:00).
  t = openTestLedger();
  members = addMembers();
});
afterEach(async () => {
  await fake?.close();
  t.dispose();
});

describe.each(FAKE_KINDS)('delivery through %s', (kind) => {
  beforeEach(async () => {
    fake = await startFake(kind);
  });

  it('a campaign queues one message per consenting member; the sender delivers each once', async () => {
    const result = send(members.map((m) => m.id));
    expect(result.queued).toBe(2);
    expect(result.skipped).toEqual([{ memberId: members[2]!.id, reason: 'no_consent' }]);
    expect(outbox().map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(fake.received).toHaveLength(0); // nothing leaves inside the transaction

    const drained = await newSender().drain();
    expect(drained).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(fake.received.map((r) => r.to).sort()).toEqual(['+8613900000001', '+8613900000002']);
    const wang = fake.received.find((r) => r.to === '+8613900000001')!;
    expect(wang.text).toBe('王芳，好久不见！余额¥0.00。 回T退订');
    expect(wang.signature).toBe('常客小店');
    const rows = outbox();
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, provider: kind, lastError: '' });
      expect(fake.received.map((r) => r.id)).toContain(row.providerMessageId);
      if (kind !== 'twilio') expect(fake.received.find((r) => r.to === row.phone)!.reference).toBe(row.id);
    }
    expect(t.ledger.db.select().from(smsAttempts).all().map((a) => a.outcome)).toEqual(['sent', 'sent']);
    // A second drain finds nothing to do.
    expect(await newSender().drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(fake.received).toHaveLength(2);
  });

  it('a provider error fails the message (no retry) until the owner retries it', async () => {
    fake.script('permanent', { to: '+8613900000001', times: 1 });
    send([members[0]!.id]);
    expect(await newSender().drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [failed] = outbox();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).not.toBe('');
    expect(fake.received).toHaveLength(0);

    const { retryMessages } = await import('../../src-main/sms/outbox.ts');
    expect(retryMessages(t.ledger, [failed!.id])).toEqual({ requeued: 1 });
    expect(await newSender().drain()).toMatchObject({ sent: 1 });
    expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(fake.received).toHaveLength(1);
  });

  it('network down: the message waits with backoff and goes once the provider is back', async () => {
    send([members[0]!.id]);
    await fake.close();
    expect(await newSender().drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [waiting] = outbox();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(waiting!.nextAttemptAt) - t.clock().getTime()).toBe(retryDelayMs(1));

    await fake.restart();
    // Not due yet: nothing is sent before the backoff ends.
    expect(await newSender().drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    t.clock.advance(retryDelayMs(1));
    expect(await newSender().drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(fake.received).toHaveLength(1);
    expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('the outbox across restarts, opt-outs, consent and quiet hours', () => {
  beforeEach(async () => {
    fake = await startFake('twilio');
  });

  it('pending messages survive a restart and are delivered exactly once', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      createMember(t.ledger, { staffId: t.staffId, phone: `1370000000${i}`, name: `会员${i}`, smsMarketingConsent: true }),
    );
    send(many.map((m) => m.id));
    // One message was claimed when the app died mid-send: it is `sending` on disk.
    const claimed = claimNextDue(t.ledger)!;
    expect(outbox().find((r) => r.id === claimed.sms.outboxId)!.status).toBe('sending');
    t.reopen();
    expect(requeueInterrupted(t.ledger)).toBe(1);
    expect(outbox().every((r) => r.status === 'pending')).toBe(true);
    expect(await newSender().drain()).toMatchObject({ sent: 5 });
    expect(fake.received.map((r) => r.to).sort()).toEqual(many.map((m) => m.phone).sort());
    expect(new Set(fake.received.map((r) => r.to)).size).toBe(5);
  });

  it('an unsubscribe reported by the provider ends marketing to that member', async () => {
    fake.script('unsubscribed', { to: '+8613900000001' });
    send([members[0]!.id]);
    send([members[0]!.id]);
    expect(await newSender().drain()).toMatchObject({ sent: 0, failed: 1 });
    expect(getMember(t.ledger, members[0]!.id).smsMarketingConsent).toBe(false);
    const events = t.ledger.db.select().from(consentEvents).all().filter((e) => e.memberId === members[0]!.id);
    expect(events.at(-1)).toMatchObject({ kind: 'sms_marketing', granted: false, source: 'provider' });
    // The second campaign's message was cancelled at sending time, never attempted.
    expect(outbox().map((r) => r.status).sort()).toEqual(['cancelled', 'failed']);
    expect(fake.requestCount).toBe(1);
  });

  it('an opt-out or "do not contact" after queueing cancels the message; no consent means none is written', async () => {
    send([members[0]!.id, members[1]!.id, members[2]!.id]);
    setConsent(t.ledger, { staffId: t.staffId, memberId: members[0]!.id, kind: 'sms_marketing', granted: false });
    setConsent(t.ledger, { staffId: t.staffId, memberId: members[1]!.id, kind: 'do_not_contact', granted: true });
    expect(await newSender().drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(outbox().map((r) => [r.status, r.lastError])).toEqual([
      ['cancelled', 'opted out'],
      ['cancelled', 'do not contact'],
    ]);
    expect(fake.requestCount).toBe(0);
    // "Do not contact" also keeps them out of the next campaign.
    expect(send([members[1]!.id]).skipped).toEqual([{ memberId: members[1]!.id, reason: 'do_not_contact' }]);
  });

  it('marketing written in quiet hours waits until they end', async () => {
    t.clock.set(new Date(2026, 10, 23, 22, 15));
    send([members[0]!.id]);
    expect(new Date(outbox()[0]!.nextAttemptAt)).toEqual(new Date(2026, 10, 24, 9, 0));
    expect(await newSender().drain()).toMatchObject({ sent: 0 });
    t.clock.set(new Date(2026, 10, 24, 8, 59));
    expect(await newSender().drain()).toMatchObject({ sent: 0 });
    t.clock.set(new Date(2026, 10, 24, 9, 0));
    expect(await newSender().drain()).toMatchObject({ sent: 1 });
    expect(fake.received).toHaveLength(1);
  });

  it('a message that falls due inside quiet hours (e.g. a retry) is postponed, not sent', async () => {
    t.clock.set(new Date(2026, 10, 23, 20, 59, 50));
    send([members[0]!.id]);
    t.clock.set(new Date(2026, 10, 23, 21, 0, 0));
    expect(await newSender().drain()).toMatchObject({ sent: 0 });
    expect(new Date(outbox()[0]!.nextAttemptAt)).toEqual(new Date(2026, 10, 24, 9, 0));
    updateSettings(t.ledger, { messaging: { ...(await import('../../src-main/ledger/settings.ts')).getSettings(t.ledger).messaging, quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
    t.clock.set(new Date(2026, 10, 24, 9, 0));
    expect(await newSender().drain()).toMatchObject({ sent: 1 });
  });

  it('a provider that never answers is a retry after the timeout', async () => {
    fake.script('hang');
    send([members[0]!.id]);
    expect(await newSender(400).drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(outbox()[0]!.lastError).toMatch(/400 ms/);
  });
});
