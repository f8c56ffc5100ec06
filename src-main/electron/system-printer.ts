/**
 * The system printers, for shops without a thermal printer: the HTML receipt is loaded into a hidden,
 * script-less window and printed by Chromium's print path — silently to the chosen printer, or through
 * the system print dialog. (An idea from frappe/books' printHtmlDocument; this is our own code.)
 */
import { BrowserWindow } from 'electron';
import type { SystemPrinter } from '../print/system-printer.ts';

/** A window no one sees, with no script and no preload: it only lays out a receipt. */
function hiddenWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webviewTag: false },
  });
}

export function electronSystemPrinter(): SystemPrinter {
  return {
    async print(html, options) {
      const win = hiddenWindow();
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await new Promise((resolve) => {
          win.webContents.print(
            { silent: options.silent, printBackground: true, margins: { marginType: 'none' }, ...(options.printerName ? { deviceName: options.printerName } : {}) },
            (success, failureReason) => resolve(success ? { ok: true } : { ok: false, detail: failureReason || 'cancelled' }),
          );
        });
      } finally {
        win.destroy();
      }
    },
    async list() {
      const win = hiddenWindow();
      try {
        const printers = await win.webContents.getPrintersAsync();
        // There is no isDefault any more; the OS-specific options carry it where the platform says.
        const isDefault = (p: Electron.PrinterInfo) => String((p.options as Record<string, unknown>)['is-default'] ?? '') === 'true';
        return printers.sort((a, b) => Number(isDefault(b)) - Number(isDefault(a))).map((p) => p.name);
      } finally {
        win.destroy();
      }
    },
  };
}
