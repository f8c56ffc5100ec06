/** A "newer version of the app": a copy of the migrations with one more (an index), as tests/platform/startup.test.ts makes it. */
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';

export const NEWER_INDEX = 'members_name_backup_test';

export function newerMigrations(dir: string): string {
  const migrations = path.join(dir, 'newer-migrations');
  fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
  const journalFile = path.join(migrations, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; when: number; tag: string }> };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_backup_test' });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(migrations, '9999_backup_test.sql'), `CREATE INDEX \`${NEWER_INDEX}\` ON \`members\` (\`name\`);`);
  return migrations;
}
