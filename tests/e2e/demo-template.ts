import path from 'node:path';
import { PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';

/** Where the test run's demo shop is generated once (see global-setup.ts). */
export const DEMO_TEMPLATE_DIR = path.join(PROJECT_ROOT, 'test-output', 'demo-template');
