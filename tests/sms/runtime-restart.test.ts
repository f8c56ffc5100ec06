/**
 * The running app's own sender (platform/background.ts), not a test-made one: messages written while
 * the provider is unreachable wait through a quit, and the next start delivers each exactly once
 * without anyone pressing anything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignSendResult } from '../../src-main/retention/types.ts';
import { smsOutbox } from '../../src-main/ledger/schema.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { startRuntime, type Runtime } from '../../src-main/platform/app-runtime.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { manualClock, tempDir } from '../helpers/ledger.ts';
import type { AppInfo } from '../../src-main/api/contract.ts';
import { startFake, type FakeProvider } from './fakes/index.ts';

let fake: FakeProvider | undefined;
let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.close();
  await fake?.close();
});

async function call<T>(rt: Runtime, method: string, input: unknown): Promise<T> {
  const res = await rt.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

describe('the app’s sender across a quit', () => {
  it('delivers messages written while offline once the app starts again, each exactly once', async () => {
    const dataDir = tempDir();
    fake = await startFake('webhook');
    const clock = manualClock(new Date());
    const options = { dataDir, migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser' as const, smsTimeoutMs: 10_000, clock };
    runtime = startRuntime(options);
    const info = await call<AppInfo>(runtime, 'app.info', {});
    const staffId = info.staff[0]!.id;
    await call(runtime, 'sms.setProvider', { config: fake.config, secrets: fake.secrets });
    // No quiet hours, whatever the time of day this runs.
    await call(runtime, 'settings.update', { messaging: { ...info.settings.messaging, quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
    const members: Member[] = [];
    for (const i of [1, 2, 3]) members.push(await call<Member>(runtime, 'members.create', { staffId, phone: `1390000000${i}`, name: `会员${i}`, smsMarketingConsent: true }));

    await fake.close(); // the shop is offline
    const sent = await call<CampaignSendResult>(runtime, 'campaigns.send', { idempotencyKey: 'offline-campaign-1', staffId, memberIds: members.map((m) => m.id), template: '{name}，好久不见' });
    expect(sent.queued).toBe(3);
    // The woken sender tried, found the network down, and left them waiting.
    await expect.poll(() => runtime!.ledger.db.select().from(smsOutbox).all().every((r) => r.attempts >= 1 && r.status === 'pending'), { timeout: 20_000 }).toBe(true);
    await runtime.close();
    runtime = undefined;

    await fake.restart(); // back online; the app is started again an hour later, past the backoff
    clock.advance(3_600_000);
    const second = startRuntime(options);
    runtime = second;
    await expect.poll(() => fake!.received.length, { timeout: 20_000 }).toBe(3);
    await expect.poll(() => second.ledger.db.select().from(smsOutbox).all().every((r) => r.status === 'sent'), { timeout: 20_000 }).toBe(true);
    expect(fake.received.map((r) => r.to).sort()).toEqual(members.map((m) => m.phone).sort());
    expect(new Set(fake.received.map((r) => r.reference)).size).toBe(3);
  });
});
