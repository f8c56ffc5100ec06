/**
 * `npm run serve`: the main-process core under plain Node, with the API and the built renderer on
 * 127.0.0.1. Prints the URL to open (it carries this launch's access token).
 *
 *   npm run serve                 the shop's own data (REGULARS_DATA_DIR or the per-user data folder)
 *   npm run serve -- --demo       the demo shop (created on first use in ./demo-shop)
 *   npm run serve -- --port 5180  a fixed port (default: any free port)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBridge } from '../src-main/bridge/server.ts';
import { connectDemoPhone } from '../src-main/demo/demo-phone.ts';
import { connectDemoPrinter } from '../src-main/demo/demo-printer.ts';
import { ensureDemoShop } from '../src-main/demo/demo-shop.ts';
import { startRuntime } from '../src-main/platform/app-runtime.ts';
import { resolveDataDir } from '../src-main/platform/data-dir.ts';
import { DEMO_DIR, MIGRATIONS_DIR, PROJECT_ROOT, RENDERER_DIST_DIR } from '../src-main/platform/project-paths.ts';

const { values } = parseArgs({
  options: { demo: { type: 'boolean', default: false }, port: { type: 'string' }, 'data-dir': { type: 'string' } },
});

const version = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : values.demo ? DEMO_DIR : resolveDataDir();
if (values.demo) {
  if (!fs.existsSync(path.join(dataDir, 'regulars.sqlite'))) console.log(`Generating the demo shop in ${dataDir} (about half a minute)…`);
  const { created } = ensureDemoShop(dataDir, MIGRATIONS_DIR);
  if (created) console.log(`Demo shop created in ${dataDir}`);
}
if (!fs.existsSync(path.join(RENDERER_DIST_DIR, 'index.html'))) {
  console.error('The renderer is not built: run `npm run build:renderer` (npm run serve does it for you).');
  process.exit(1);
}

const runtime = startRuntime({
  dataDir,
  migrationsFolder: MIGRATIONS_DIR,
  version,
  shell: 'browser',
  logError: (method, error) => console.error(`[api] ${method} failed:`, error),
});
// The demo shop's SMS go to a local "phone" that prints them (no SMS account needed to try it).
const demoPhone = values.demo ? await connectDemoPhone(runtime.dispatch, (line) => console.log(line)) : null;
// …and its receipts to a local stand-in printer that shows them in this terminal.
const demoPrinter = values.demo ? await connectDemoPrinter(runtime.dispatch, (line) => console.log(line)) : null;

const token = process.env['REGULARS_TOKEN'] || randomBytes(24).toString('base64url');
const bridge = await startBridge({
  // The page acts as whoever is signed in at this till: permissions are checked.
  dispatch: runtime.tillDispatch,
  token,
  staticDir: RENDERER_DIST_DIR,
  ...(values.port ? { port: Number(values.port) } : {}),
});

console.log(`Regulars is serving ${runtime.dataFile}`);
console.log(`Open: ${bridge.openUrl}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await bridge.close();
  await runtime.close();
  await demoPhone?.close();
  await demoPrinter?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
