import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOC_FILE, renderApiDocs } from '../../scripts/api-docs.ts';
import { METHOD_NAMES } from '../../src-main/api/contract.ts';

describe('docs/API.md', () => {
  it('lists every method of the contract', () => {
    const doc = fs.readFileSync(API_DOC_FILE, 'utf8');
    for (const name of METHOD_NAMES) expect(doc).toContain(`## \`${name}\``);
  });

  it('is what the contract renders today (run `node scripts/api-docs.ts` after changing the API)', () => {
    expect(fs.readFileSync(API_DOC_FILE, 'utf8')).toBe(renderApiDocs());
  });
});
