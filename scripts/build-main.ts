/**
 * `npm run build:main`: bundle the Electron shell with esbuild.
 *
 *   src-main/electron/main.ts    → dist/main/electron-main.cjs  (Node, CommonJS; electron and
 *                                  better-sqlite3 stay outside: one is the host, the other loads its
 *                                  native binary from its own folder in node_modules)
 *   src-main/electron/preload.ts → dist/main/preload.cjs        (everything but electron inside: a
 *                                  sandboxed preload can require nothing else)
 *
 * Any error or warning fails the build. Warnings matter here: esbuild warns when bundled code uses
 * import.meta, which is empty in CommonJS, so a path built from it would be wrong at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, formatMessages, type BuildOptions, type Message } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist', 'main');

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  logLevel: 'silent', // messages are printed below, and warnings are fatal
};

const bundles: Array<{ name: string; options: BuildOptions }> = [
  {
    name: 'main',
    options: {
      ...common,
      entryPoints: [path.join(root, 'src-main', 'electron', 'main.ts')],
      outfile: path.join(outDir, 'electron-main.cjs'),
      platform: 'node',
      target: 'node22',
      external: ['electron', 'better-sqlite3'],
      // pdfkit's ESM build calls new URL(…, import.meta.url) as it loads, which is empty in CommonJS:
      // bundle its CommonJS build instead.
      alias: { pdfkit: './node_modules/pdfkit/js/pdfkit.js' },
      // project-paths.ts finds the project root from import.meta.dirname; in dist/main that is
      // __dirname, also two folders below the root. (A packaged app reads assets from resources.)
      define: { 'import.meta.dirname': '__dirname' },
    },
  },
  {
    name: 'preload',
    options: {
      ...common,
      entryPoints: [path.join(root, 'src-main', 'electron', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      // 'browser': an accidental import of a Node built-in fails the build instead of the window.
      platform: 'browser',
      target: 'es2023',
      external: ['electron'],
    },
  },
];

async function report(kind: 'error' | 'warning', messages: Message[]): Promise<void> {
  if (messages.length === 0) return;
  const lines = await formatMessages(messages, { kind, color: process.stderr.isTTY });
  process.stderr.write(lines.join(''));
}

fs.rmSync(outDir, { recursive: true, force: true });

let failed = false;
for (const bundle of bundles) {
  try {
    const result = await build(bundle.options);
    await report('warning', result.warnings);
    if (result.warnings.length > 0) {
      console.error(`build-main: ${bundle.name}: ${result.warnings.length} warning(s), treated as errors`);
      failed = true;
    } else {
      console.log(`build-main: ${path.relative(root, bundle.options.outfile as string)}`);
    }
  } catch (error) {
    const failure = error as { errors?: Message[]; warnings?: Message[] };
    if (Array.isArray(failure.errors)) {
      await report('error', failure.errors);
      await report('warning', failure.warnings ?? []);
    } else {
      console.error(error);
    }
    console.error(`build-main: ${bundle.name} failed`);
    failed = true;
  }
}
if (failed) process.exit(1);
