/** Makes sure the demo shop the end-to-end tests copy exists before any test file starts. */
import type { TestProject } from 'vitest/node';
import { ensureDemoTemplate } from './demo-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplateDir: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide('demoTemplateDir', ensureDemoTemplate());
}
