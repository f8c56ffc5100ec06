/**
 * "Check printer" on the settings screen: can this till reach the printer the settings name, and what
 * does it say about itself (paper, cover, online)? Prints nothing.
 */
import fs from 'node:fs';
import type { Settings } from '../ledger/settings-schema.ts';
import { describeTarget } from './send-job.ts';
import type { SystemPrinter } from './system-printer.ts';
import { osDevicePath } from './transports/device.ts';
import { probeNetworkPrinter } from './transports/network.ts';
import type { PrinterCheck } from './types.ts';

export async function checkPrinter(printing: Settings['printing'], systemPrinter: SystemPrinter | null, options: { timeoutMs?: number } = {}): Promise<PrinterCheck> {
  const target = describeTarget(printing);
  switch (printing.connection) {
    case 'none':
      return { ok: false, code: 'PRINTER_NOT_SET', target };
    case 'network': {
      const status = await probeNetworkPrinter({ host: printing.host, port: printing.port }, options);
      return status.ok ? { ok: true, status: status.status, target } : { ok: false, code: status.code, target };
    }
    case 'device':
      // A device file says nothing about paper; that it exists and can be opened is what we can know.
      try {
        fs.accessSync(osDevicePath(printing.devicePath), fs.constants.W_OK);
        return { ok: true, status: 'unknown', target };
      } catch {
        return { ok: false, code: 'PRINTER_UNREACHABLE', target };
      }
    case 'system': {
      if (!systemPrinter) return { ok: false, code: 'PRINTER_SYSTEM_UNAVAILABLE', target };
      const names = await systemPrinter.list();
      const found = printing.systemPrinterName === '' ? names.length > 0 : names.includes(printing.systemPrinterName);
      return found ? { ok: true, status: 'unknown', target } : { ok: false, code: 'PRINTER_UNREACHABLE', target };
    }
  }
}
