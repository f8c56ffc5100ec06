/**
 * The demo shop's "receipt printer": a loopback ESC/POS printer on 127.0.0.1 that reads each receipt
 * back (text, QR code, cut, drawer) and prints it to the console, so the demo shows auto-print, reprint
 * and the drawer without a printer on the desk. Only `--demo` starts it; a real shop never does.
 */
import type { Dispatch } from '../api/dispatch.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { decodeEscpos } from '../print/escpos/decode.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from './loopback-printer.ts';

/** One receipt as the terminal shows it, framed like the paper. */
export function receiptAsText(bytes: Buffer): string[] {
  const paper = decodeEscpos(bytes);
  const lines = [...(paper.drawerKicks > 0 ? ['[钱箱打开 drawer opens]'] : []), ...paper.textLines];
  for (const qr of paper.qr) lines.push(`[QR ${qr}]`);
  if (paper.cuts > 0) lines.push('✂ - - - - - - - - - - - - - - - - -');
  return lines.map((line) => `[demo printer] ${line}`);
}

/** Whether the till prints nowhere yet, or to the stand-in of an earlier demo launch: then it may print here. */
function mayUseDemoPrinter(printing: Settings['printing']): boolean {
  return printing.connection === 'none' || (printing.connection === 'network' && printing.host === '127.0.0.1');
}

/**
 * For `--demo`: start the stand-in printer and make it this till's printer, unless the owner set up a
 * real one in the demo shop. Returns the printer (to close on quit), or null.
 */
export async function connectDemoPrinter(dispatch: Dispatch, log: (line: string) => void): Promise<LoopbackPrinter | null> {
  const info = await dispatch('app.info', {});
  if (!info.ok) return null;
  const { printing } = (info.value as { settings: Settings }).settings;
  if (!mayUseDemoPrinter(printing)) return null;
  const printer = await startLoopbackPrinter();
  const printNext = (): void => {
    void printer.nextJob().then(
      (bytes) => {
        if (bytes.length > 0) {
          try {
            for (const line of receiptAsText(bytes)) log(line);
          } catch (error) {
            log(`[demo printer] could not read a receipt: ${(error as Error).message}`);
          }
        }
        printNext();
      },
      () => undefined,
    );
  };
  printNext();
  await dispatch('settings.update', { printing: { ...printing, connection: 'network', host: '127.0.0.1', port: printer.port } });
  return printer;
}
