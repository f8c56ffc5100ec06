/**
 * The app as a separate process, and a browser to look at it: starts `scripts/serve.ts` (what
 * `npm run serve` runs) on a data folder and a free port, and launches Debian's Chromium with
 * playwright-core. Shared by the end-to-end tests and the benchmarks; no test framework here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DB_FILE_NAME } from '../../src-main/ledger/db.ts';
import { PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';

export interface Served {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The URL a person opens, with the access token in the fragment. */
  openUrl: string;
  token: string;
  dataDir: string;
  /** Call the API as the page does (as whoever is signed in at this till: the page and these calls share it). */
  api: <T>(method: string, input?: unknown) => Promise<T>;
  /** Sign in at this till (the page follows at its next call or reload). */
  signIn: (staffId: string, pin: string) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Start `scripts/serve.ts` on `dataDir`, or on a fresh temporary folder (removed on stop) that is
 * empty (a new shop) or holds a copy of the shop file `copyOf`. With `ownerPin`, the shop's first
 * owner is signed in at the till before this answers (every API call needs someone signed in).
 */
export async function serve(options: { dataDir?: string; copyOf?: string; ownerPin?: string } = {}): Promise<Served> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-served-'));
  if (options.copyOf) fs.copyFileSync(options.copyOf, path.join(dataDir, DB_FILE_NAME));
  const args = [path.join(PROJECT_ROOT, 'scripts', 'serve.ts'), '--data-dir', dataDir, '--port', '0'];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const url = new URL(openUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const base = url.origin;
  const api = async <T>(method: string, input: unknown = {}) => {
    const res = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value as T;
  };
  const signIn = async (staffId: string, pin: string) => {
    await api('staff.signIn', { staffId, pin });
  };
  if (options.ownerPin) {
    try {
      const owner = (await api<Array<{ id: string; role: string }>>('staff.list')).find((s) => s.role === 'owner');
      if (!owner) throw new Error('the served shop has no owner');
      await signIn(owner.id, options.ownerPin);
    } catch (error) {
      child.kill('SIGTERM');
      throw error;
    }
  }
  return {
    url: base,
    openUrl,
    token,
    dataDir,
    api,
    signIn,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

