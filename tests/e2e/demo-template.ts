/**
 * The test run's demo shop, generated once (about half a minute) and reused by every end-to-end file,
 * each of which serves its own copy. The folder name carries a hash of everything that decides the
 * shop's content (demo generator, ledger, migrations), so a change regenerates it and several runs at
 * once never write the same folder (it is built aside and renamed into place).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeDemoShop } from '../../src-main/demo/demo-shop.ts';
import { MIGRATIONS_DIR, PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';

const INPUTS = ['src-main/demo', 'src-main/ledger', 'migrations'];

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function contentHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((d) => filesUnder(path.join(PROJECT_ROOT, d)))) {
    hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder holding the demo shop's database, generating it if this content has none yet. */
export function ensureDemoTemplate(): string {
  const root = path.join(PROJECT_ROOT, 'test-output', 'demo-template');
  const dir = path.join(root, contentHash());
  if (fs.existsSync(dir)) return dir;
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  writeDemoShop(building, MIGRATIONS_DIR);
  try {
    fs.renameSync(building, dir);
  } catch (error) {
    // Another run finished the same content first: theirs is identical.
    if (!fs.existsSync(dir)) throw error;
    fs.rmSync(building, { recursive: true, force: true });
  }
  // Older contents are no longer needed.
  for (const old of fs.readdirSync(root)) if (!old.includes('.building-') && path.join(root, old) !== dir) fs.rmSync(path.join(root, old), { recursive: true, force: true });
  return dir;
}
