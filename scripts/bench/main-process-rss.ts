/**
 * The scale suite's memory probe, run as its own process: the app's runtime (startRuntime: the ledger,
 * the SMS sender, the print spooler, the daily jobs) on a copy of a bench shop, serving a day's work
 * through dispatch — searches, checkouts, top-ups, refunds, member pages, the lapsed list, the segment
 * summary, the model fit, the month's report and the liabilities. Prints its peak RSS as JSON.
 *
 *   node scripts/bench/main-process-rss.ts <copy of regulars.sqlite> [quick|full]
 */
import path from 'node:path';
import { startRuntime } from '../../src-main/platform/app-runtime.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';

const [file, size = 'full'] = process.argv.slice(2);
if (!file) throw new Error('usage: main-process-rss.ts <regulars.sqlite> [quick|full]');
const scale = size === 'quick' ? 0.1 : 1;
const rssAt: Record<string, number> = {};
const mib = () => Math.round(process.resourceUsage().maxRSS / 1024);

const started = performance.now();
const runtime = startRuntime({ dataDir: path.dirname(file), migrationsFolder: MIGRATIONS_DIR, version: 'bench', shell: 'browser' });
rssAt['opened'] = mib();
const call = async (method: string, input: unknown) => {
  const result = await runtime.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
try {
  const { sqlite } = runtime.ledger;
  const staffId = (sqlite.prepare("select id from staff where role = 'owner' and archived_at is null").get() as { id: string }).id;
  const productIds = (sqlite.prepare('select id from products where active = 1 order by id limit 3').all() as Array<{ id: string }>).map((r) => r.id);
  const members = sqlite.prepare('select id, code, phone, name_initials from members where balance_principal_minor >= 100000 and archived_at is null order by id limit 300').all() as Array<{
    id: string;
    code: string;
    phone: string;
    name_initials: string;
  }>;
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  for (let i = 0; i < n(300); i++) {
    const m = members[i % members.length]!;
    await call('members.search', { query: [m.phone.slice(-4), m.code, m.name_initials][i % 3], limit: 50 });
  }
  rssAt['searches'] = mib();
  const bills: string[] = [];
  for (let i = 0; i < n(300); i++) {
    const memberId = members[i % members.length]!.id;
    const lines = productIds.map((productId) => ({ productId, quantity: 1 }));
    const quote = (await call('checkout.quote', { memberId, lines })) as { totalMinor: number };
    const paid = (await call('checkout.commit', {
      idempotencyKey: `rss-checkout-${i}`,
      staffId,
      memberId,
      lines,
      payments: [
        { method: 'stored_value', amountMinor: 1000 },
        { method: 'card', amountMinor: quote.totalMinor - 1000 },
      ],
    })) as { bill: { id: string } };
    bills.push(paid.bill.id);
    if (i % 10 === 0) await call('topups.create', { idempotencyKey: `rss-topup-key-${i}`, staffId, memberId, principalMinor: 50_000, method: 'cash' });
    if (i % 30 === 0) await call('bills.refund', { idempotencyKey: `rss-refund-key-${i}`, staffId, billId: paid.bill.id, reason: 'bench' });
    if (i % 5 === 0) await Promise.all([call('members.get', { memberId }), call('members.history', { memberId, limit: 1000 }), call('retention.outlook', { memberId })]);
  }
  rssAt['till'] = mib();
  await call('retention.fit', {});
  rssAt['model fit'] = mib();
  await call('retention.lapsed', { limit: 50 });
  await call('retention.segments', {});
  rssAt['retention'] = mib();
  await call('reports.sales', { from: '2026-10-01', to: '2026-10-31', groupBy: 'day' });
  await call('reports.liability', {});
  rssAt['reports'] = mib();
} finally {
  await runtime.close();
}
console.log(
  JSON.stringify({
    peakRssMiB: mib(),
    peakRssMiBAfter: rssAt,
    workloadSeconds: Math.round((performance.now() - started) / 1000),
    node: process.version,
  }),
);
