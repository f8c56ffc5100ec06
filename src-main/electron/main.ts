/**
 * The Electron shell: one window, one IPC channel, and the same runtime as `npm run serve`
 * (src-main/platform/app-runtime.ts). No business logic lives here: the shell finds its files, starts
 * the runtime, and carries `invoke(method, input, locale)` from the page to `runtime.dispatch`, which
 * validates everything. Bundled to dist/main/electron-main.cjs by scripts/build-main.ts: paths come
 * from app.getAppPath() and process.resourcesPath (the build maps import.meta.dirname to __dirname
 * for the one shared module that uses it, platform/project-paths.ts).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../api/contract.ts';
import { makeError } from '../api/dispatch.ts';
import { normalizeLocale } from '../api/error-messages.ts';
import type { ErrorCode } from '../ledger/errors.ts';
import { connectDemoPhone, type DemoPhone } from '../demo/demo-phone.ts';
import { connectDemoPrinter } from '../demo/demo-printer.ts';
import type { LoopbackPrinter } from '../demo/loopback-printer.ts';
import { ensureDemoShop } from '../demo/demo-shop.ts';
import { startRuntime, type Runtime } from '../platform/app-runtime.ts';
import { safeStorageBox } from './safe-storage-box.ts';
import { resolveDataDir } from '../platform/data-dir.ts';
import { INVOKE_CHANNEL } from './ipc.ts';
import { isOwnPage } from './own-page.ts';
import { installSecurityGuards } from './security.ts';
import { startupErrorText } from './startup-error.ts';
import { electronSystemPrinter } from './system-printer.ts';
import { electronFolderPicker } from './folder-picker.ts';

const APP_ID = 'app.regulars.pos'; // = appId in electron-builder.yml
const WINDOW_TITLE = 'Regulars 常客';

// app.getAppPath() is the folder (or app.asar) holding package.json, from source and when packaged.
const appRoot = app.getAppPath();
const pageFile = path.join(appRoot, 'dist', 'renderer', 'index.html');
const preloadFile = path.join(appRoot, 'dist', 'main', 'preload.cjs');
// Migrations are read from disk by drizzle's migrator: packaged, they ship as extraResources beside
// app.asar; from source they are the repository's migrations/ folder.
const migrationsFolder = app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(appRoot, 'migrations');

let runtime: Runtime | undefined;
/** `--demo` only: where the demo shop's SMS go. */
let demoPhone: DemoPhone | null = null;
let demoPrinter: LoopbackPrinter | null = null;
let mainWindow: BrowserWindow | undefined;

function systemLocale(): string {
  return app.getPreferredSystemLanguages()[0] ?? app.getLocale();
}

function refuse(code: ErrorCode, locale: string | undefined): ApiResult<unknown> {
  return { ok: false, error: makeError(null, code, normalizeLocale(locale)) };
}

/**
 * The IPC transport: the counterpart of the loopback bridge's handleApi. It checks who is asking and
 * the shape of the envelope; the method and its input are dispatch's business (zod, in one place).
 */
async function handleInvoke(event: IpcMainInvokeEvent, method: unknown, input: unknown, locale: unknown): Promise<ApiResult<unknown>> {
  const callerLocale = typeof locale === 'string' ? locale : undefined;
  // Only our own page may call: not a frame that somehow navigated elsewhere, not some other page.
  // senderFrame is null when the frame has already gone (navigated or destroyed).
  const frameUrl = event.senderFrame?.url;
  if (frameUrl === undefined || !isOwnPage(frameUrl, pageFile)) return refuse('FORBIDDEN_ORIGIN', callerLocale);
  if (typeof method !== 'string') return refuse('MALFORMED_REQUEST', callerLocale);
  if (!runtime) return refuse('INTERNAL', callerLocale);
  try {
    // The page acts as whoever is signed in at this till: permissions are checked.
    return await runtime.tillDispatch(method, input, callerLocale);
  } catch (error) {
    // dispatch turns handler failures into results itself; this is for anything that escapes it.
    // The method name only, never the input: it can hold a member's name and phone.
    console.error(`[api] ${method.slice(0, 60)} failed:`, error);
    return refuse('INTERNAL', callerLocale);
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    title: WINDOW_TITLE,
    show: false, // shown on ready-to-show, so the till never flashes an empty white window
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The window's title belongs to the shell; the page's <title> is for the browser tab of `npm run serve`.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[regulars] the window's renderer stopped: ${details.reason} (exit code ${details.exitCode})`);
  });
  win.loadFile(pageFile).catch((error: unknown) => {
    // From source, this means the renderer was not built (`npm run build`); packaged, a broken install.
    console.error(`[regulars] could not load ${pageFile}:`, error);
    const zh = systemLocale().toLowerCase().startsWith('zh');
    dialog.showErrorBox(
      zh ? '常客无法显示界面' : 'Regulars could not show its window',
      `${zh ? '找不到或无法加载界面文件：' : 'The screens could not be loaded from:'}\n${pageFile}`,
    );
    app.quit();
  });
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  // `npm start -- --demo` (or the packaged app with --demo) opens the demo shop, made on first use.
  const demo = process.argv.includes('--demo');
  const dataDir = demo ? path.join(app.isPackaged ? app.getPath('userData') : appRoot, 'demo-shop') : resolveDataDir(process.env, app.getPath('userData'));
  try {
    if (demo) ensureDemoShop(dataDir, migrationsFolder);
    const secretBox = safeStorageBox(safeStorage);
    runtime = startRuntime({
      dataDir,
      migrationsFolder,
      version: app.getVersion(),
      shell: 'electron',
      ...(secretBox ? { secretBox } : {}),
      systemPrinter: electronSystemPrinter(),
      pickFolder: electronFolderPicker(() => mainWindow),
      logError: (method, error) => console.error(`[api] ${method} failed:`, error),
    });
  } catch (error) {
    // Another process holds the data file (InstanceLockedError), the folder is unwritable, or a
    // migration failed (the migrator rolled back; a copy made before it is in <data dir>/backups).
    console.error('[regulars] could not open the shop data:', error);
    const text = startupErrorText(error, dataDir, systemLocale());
    dialog.showErrorBox(text.title, text.message);
    app.exit(1); // nothing to clean up: startRuntime released its lock when it failed
    return;
  }
  if (demo) demoPhone = await connectDemoPhone(runtime.dispatch, (line) => console.log(line));
  if (demo) demoPrinter = await connectDemoPrinter(runtime.dispatch, (line) => console.log(line));
  ipcMain.handle(INVOKE_CHANNEL, handleInvoke);
  mainWindow = createWindow();
}

// One window per data folder: Electron's lock is per userData folder, the runtime's file lock (beside
// the data file) also keeps out `npm run serve` and a second install pointing at the same data.
if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance got 'second-instance' and comes to the front
} else {
  // Before ready, so that no renderer or session is ever created without them.
  app.enableSandbox();
  installSecurityGuards({ isOwnPage: (url) => isOwnPage(url, pageFile) });
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID); // taskbar grouping matches the installer's shortcut

  app.on('second-instance', focusMainWindow);
  // Closing the till's window ends the app on every platform (macOS included): the data file's lock
  // is then released at once, rather than held by an app with no window.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!runtime) return;
    // Let an SMS in flight finish being recorded (or be left to resend), then close the file and quit.
    event.preventDefault();
    const closing = runtime;
    runtime = undefined;
    void closing
      .close()
      .then(() => demoPhone?.close())
      .then(() => demoPrinter?.close())
      .finally(() => app.quit());
  });

  start().catch((error: unknown) => {
    console.error('[regulars] start failed:', error);
    dialog.showErrorBox(WINDOW_TITLE, error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
