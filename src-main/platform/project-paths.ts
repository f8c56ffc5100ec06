import fs from 'node:fs';
import path from 'node:path';

/** The repository root when running from source (scripts, tests, `npm run serve`). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');
export const RENDERER_DIST_DIR = path.join(PROJECT_ROOT, 'dist', 'renderer');
/** Where `npm run serve -- --demo` and `npm run demo` keep the demo shop when run from source. */
export const DEMO_DIR = path.join(PROJECT_ROOT, 'demo-shop');

/**
 * Read-only files shipped beside the code (the PDF font). A packaged app has them as real files in
 * <resources>/assets, copied there by electron-builder's extraResources (outside app.asar, like the
 * migrations). Otherwise — from source, and from the esbuild bundle in dist/main, which is two
 * folders below the root just as this file is — it is the repository's assets/ folder. Electron run
 * from source also has a resourcesPath (Electron's own), without an assets folder: hence the check.
 */
export function assetsDir(): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources !== undefined) {
    const packaged = path.join(resources, 'assets');
    if (fs.existsSync(packaged)) return packaged;
  }
  return path.join(PROJECT_ROOT, 'assets');
}
