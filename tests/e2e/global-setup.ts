/**
 * Generates the demo shop once per test run (about half a minute) into test-output/, so every
 * end-to-end file starts from its own copy of the same shop instead of generating it again.
 */
import fs from 'node:fs';
import { writeDemoShop } from '../../src-main/demo/demo-shop.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { DEMO_TEMPLATE_DIR } from './demo-template.ts';

export default function setup(): void {
  fs.rmSync(DEMO_TEMPLATE_DIR, { recursive: true, force: true });
  writeDemoShop(DEMO_TEMPLATE_DIR, MIGRATIONS_DIR);
}
