import path from 'node:path';

/** The repository root when running from source (scripts, tests, `npm run serve`). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');
export const RENDERER_DIST_DIR = path.join(PROJECT_ROOT, 'dist', 'renderer');
/** Where `npm run serve -- --demo` and `npm run demo` keep the demo shop when run from source. */
export const DEMO_DIR = path.join(PROJECT_ROOT, 'demo-shop');
