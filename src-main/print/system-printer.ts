/**
 * The system's printers, for shops without a thermal printer: the desktop shell provides this (a hidden
 * window printing the HTML receipt, silently to a named printer or through the print dialog). Under
 * `npm run serve` there is none, and the browser prints the same HTML itself.
 */
export interface SystemPrinter {
  print(html: string, options: { printerName: string; silent: boolean; paperWidth: '58' | '80' }): Promise<{ ok: true } | { ok: false; detail: string }>;
  /** Printer names as the system knows them, the default first. */
  list(): Promise<string[]>;
}
