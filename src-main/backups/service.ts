/**
 * Backups for one running app: one backup or restore at a time (a second is refused with BACKUP_BUSY,
 * except the owner's backup, which waits for a daily one under way; the daily job just tries again at
 * its next tick), the progress of the one under way for the screen,
 * the daily automatic backup with its rotation, and stopping cleanly when the app closes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../ledger/db.ts';
import { fail, LedgerError } from '../ledger/errors.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { getSettings, updateSettings } from '../ledger/settings.ts';
import { businessDate, isoTime } from '../ledger/time.ts';
import { findProblems, type Findings } from './check.ts';
import { appSchema, readFacts, type AppSchema } from './facts.ts';
import { backupFolderOf, defaultBackupFolder, ensureUsableFolder, folderUsable } from './folder.ts';
import { checkBackupFile, previewBackup } from './inspect.ts';
import { hasAutoBackupOn, listBackups, removeStalePartials, rotateAutoBackups } from './list.ts';
import { swapDataFile } from './restore.ts';
import { takeBackup } from './take.ts';
import type { AutoBackupOutcome, BackupEntry, BackupList, BackupPreview, BackupProgress, IntegrityReport, RestoreResult } from './types.ts';

export interface BackupServiceOptions {
  /** The Ledger object the whole app shares (a restore replaces its connection in place). */
  ledger: Ledger;
  dataFile: string;
  migrationsFolder: string;
  appVersion: string;
  /** The desktop shell's folder chooser; absent in a browser. */
  pickFolder?: (() => Promise<string | null>) | null;
  /**
   * Runs a restore's swap with the app's background work (SMS sender, print spooler, daily jobs)
   * stopped, and starts it again on the restored file afterwards. Without it (tests) the swap just runs.
   */
  pauseBackground?: <T>(swap: () => T) => Promise<T>;
  /** Pages per step of the online backup (tests use small steps to commit between them). */
  pagesPerStep?: number;
  /** Tests: called between the online backup's steps, after the progress is recorded. */
  onStep?: (donePages: number, totalPages: number) => void;
  logError?: (error: unknown) => void;
}

export type BackupsPatch = Partial<Settings['backups']>;

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return path.resolve(a) === path.resolve(b) || real(a) === real(b);
}

export class BackupService {
  private readonly options: BackupServiceOptions;
  private busy: Promise<unknown> | null = null;
  private progress: BackupProgress | null = null;
  private lastAuto: AutoBackupOutcome | null = null;
  private loggedFailureDay: string | null = null;
  private stopping = false;
  private schema: AppSchema | null = null;

  constructor(options: BackupServiceOptions) {
    this.options = options;
  }

  private get ledger(): Ledger {
    return this.options.ledger;
  }

  get dataFile(): string {
    return this.options.dataFile;
  }

  get defaultFolder(): string {
    return defaultBackupFolder(this.options.dataFile);
  }

  /** Where backups go now: the owner's folder, else the default. */
  folder(): string {
    return backupFolderOf(getSettings(this.ledger).backups, this.options.dataFile);
  }

  private appSchema(): AppSchema {
    return (this.schema ??= appSchema(this.options.migrationsFolder));
  }

  list(): BackupList {
    const folder = this.folder();
    const entries = listBackups(folder);
    if (!samePath(folder, this.defaultFolder)) entries.push(...listBackups(this.defaultFolder));
    entries.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
    return {
      folder,
      defaultFolder: this.defaultFolder,
      folderProblem: folderUsable(folder) ? null : 'BACKUP_FOLDER_UNUSABLE',
      canPickFolder: Boolean(this.options.pickFolder),
      running: this.progress ? { ...this.progress } : null,
      lastAuto: this.lastAuto,
      entries,
    };
  }

  /** One at a time: a second call while one runs is refused. */
  private async exclusive<T>(kind: BackupProgress['kind'], run: () => Promise<T>): Promise<T> {
    if (this.busy || this.stopping) fail('BACKUP_BUSY');
    this.progress = { kind, startedAt: isoTime(this.ledger.clock()), donePages: 0, totalPages: 0 };
    const running = run();
    this.busy = running;
    try {
      return await running;
    } finally {
      this.busy = null;
      this.progress = null;
    }
  }

  /**
   * A backup now, into the folder, while the till keeps working. The owner's backup waits for a daily
   * one that happens to be under way (taken a few seconds after every start) instead of being refused.
   */
  async create(kind: 'manual' | 'auto' = 'manual'): Promise<BackupEntry> {
    if (kind === 'manual' && this.busy && this.progress?.kind === 'auto') await this.busy.catch(() => undefined);
    return this.exclusive(kind, () =>
      takeBackup(
        this.ledger.sqlite,
        { folder: this.folder(), kind, now: this.ledger.clock(), appVersion: this.options.appVersion },
        {
          ...(this.options.pagesPerStep ? { pagesPerStep: this.options.pagesPerStep } : {}),
          cancelled: () => this.stopping,
          onProgress: (donePages, totalPages) => {
            if (this.progress) Object.assign(this.progress, { donePages, totalPages });
            this.options.onStep?.(donePages, totalPages);
          },
        },
      ),
    );
  }

  /**
   * The daily job: when automatic backups are on and the folder has none from today, take one, then
   * keep the newest N. Never throws: a failure is remembered for the screen (and logged once a day).
   */
  async runDaily(): Promise<BackupEntry | null> {
    if (this.stopping) return null;
    const at = isoTime(this.ledger.clock());
    const day = businessDate(this.ledger.clock());
    try {
      const setting = getSettings(this.ledger).backups;
      if (!setting.daily) return null;
      const folder = this.folder();
      let entry: BackupEntry | null = null;
      if (!hasAutoBackupOn(folder, day)) {
        // Something else is under way (the owner's backup, a restore): the next tick tries again.
        if (this.busy) return null;
        entry = await this.create('auto');
        this.lastAuto = { ok: true, at, file: entry.file };
      }
      rotateAutoBackups(folder, setting.keep);
      removeStalePartials(folder, this.ledger.clock());
      return entry;
    } catch (error) {
      if (this.stopping) return null;
      this.lastAuto = { ok: false, at, code: error instanceof LedgerError ? error.code : 'INTERNAL' };
      if (this.loggedFailureDay !== day) {
        this.loggedFailureDay = day;
        this.options.logError?.(error);
      }
      return null;
    }
  }

  /** Change where backups go and the daily backup; a new folder must be usable now. */
  configure(patch: BackupsPatch): Settings['backups'] {
    const next = { ...getSettings(this.ledger).backups };
    if (patch.daily !== undefined) next.daily = patch.daily;
    if (patch.keep !== undefined) next.keep = patch.keep;
    if (patch.folder !== undefined) {
      const folder = patch.folder.trim();
      if (folder === '' || samePath(folder, this.defaultFolder)) next.folder = '';
      // A relative path would depend on where the app was started from: refused (ensureUsableFolder).
      else next.folder = path.normalize(ensureUsableFolder(folder));
    }
    return updateSettings(this.ledger, { backups: next }).backups;
  }

  async pickFolder(): Promise<string | null> {
    const pick = this.options.pickFolder ?? fail('BACKUP_PICKER_UNAVAILABLE');
    return pick();
  }

  private resolveFile(file: string): string {
    if (!path.isAbsolute(file)) fail('BACKUP_FILE_NOT_FOUND', { file });
    return path.resolve(file);
  }

  preview(file: string): BackupPreview {
    return previewBackup(this.resolveFile(file), this.appSchema());
  }

  /** The integrity check of the live data (no file) or of a backup file. */
  check(file?: string): IntegrityReport {
    const target = file === undefined ? null : this.resolveFile(file);
    const found: Findings = target === null ? findProblems(this.ledger.sqlite) : checkBackupFile(target);
    return {
      target: target === null ? 'live' : 'file',
      file: target ?? this.options.dataFile,
      checkedAt: isoTime(this.ledger.clock()),
      ok: found.problems.length === 0,
      problems: found.problems,
      truncated: found.truncated,
    };
  }

  /**
   * Replace the data with a backup: refused unless its preview is clean (whole, a Regulars file, not
   * newer); the data as it stands is kept first (`-pre-restore`), then the swap (restore.ts).
   */
  async restore(file: string): Promise<RestoreResult> {
    const source = this.resolveFile(file);
    if (samePath(source, this.options.dataFile)) fail('BACKUP_IS_DATA_FILE');
    return this.exclusive('restore', async () => {
      const preview = previewBackup(source, this.appSchema());
      if (preview.problem) fail(preview.problem);
      const folder = ensureUsableFolder(this.folder());
      const swap = () =>
        swapDataFile({
          ledger: this.ledger,
          dataFile: this.options.dataFile,
          source,
          migrationsFolder: this.options.migrationsFolder,
          preRestore: { folder, now: this.ledger.clock(), appVersion: this.options.appVersion },
        });
      const preRestore = await (this.options.pauseBackground ? this.options.pauseBackground(swap) : swap());
      return { restoredFrom: source, preRestore, facts: readFacts(this.ledger.sqlite), migrated: preview.schema === 'older' };
    });
  }

  /** The app is closing: abandon a backup under way (its partial file is removed) and wait for it. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.busy?.catch(() => undefined);
  }
}
