/**
 * The printing form's working copy and its own check: the port is typed as text, and only the fields
 * of the chosen connection must be filled (a network printer's address, a device's path). Fields of
 * the other connections are kept as they are, so switching back and forth loses nothing. Pure, no DOM.
 */
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../src-main/ledger/settings-schema.ts';
import { limitsOf } from './limits.ts';
import { parseWholeNumber } from './number-text.ts';

type PrintingSettings = Settings['printing'];

export interface PrintingDraft extends Omit<PrintingSettings, 'port'> {
  /** As typed. */
  port: string;
}

const SHAPE = settingsSchema.shape.printing.shape;
export const PORT = limitsOf(SHAPE.port);
export const PRINTING_MAX = {
  host: SHAPE.host.maxLength ?? 253,
  devicePath: SHAPE.devicePath.maxLength ?? 200,
  headerText: SHAPE.headerText.maxLength ?? 300,
  footerText: SHAPE.footerText.maxLength ?? 300,
};

/** The fields the form's check can refuse, in the order they are on screen. */
export const PRINTING_FIELDS = ['host', 'port', 'devicePath'] as const;
export type PrintingField = (typeof PRINTING_FIELDS)[number];
/** Why, as the key of its words (printingSettings.err.*). */
export type PrintingProblem = 'host' | 'hostSpaces' | 'port' | 'devicePath';

export function printingDraftOf(settings: Settings): PrintingDraft {
  return { ...settings.printing, port: String(settings.printing.port) };
}

export function printingProblems(draft: PrintingDraft): Partial<Record<PrintingField, PrintingProblem>> {
  const problems: Partial<Record<PrintingField, PrintingProblem>> = {};
  if (draft.connection === 'network') {
    const host = draft.host.trim();
    if (host === '') problems.host = 'host';
    else if (/\s/.test(host)) problems.host = 'hostSpaces';
    if (!parseWholeNumber(draft.port, PORT.min, PORT.max).ok) problems.port = 'port';
  }
  if (draft.connection === 'device' && draft.devicePath.trim() === '') problems.devicePath = 'devicePath';
  return problems;
}

/** The settings to save, or null while the form's check refuses the draft. */
export function printingSettingsOf(draft: PrintingDraft): PrintingSettings | null {
  if (Object.keys(printingProblems(draft)).length > 0) return null;
  const port = parseWholeNumber(draft.port, PORT.min, PORT.max);
  return {
    ...draft,
    host: draft.host.trim(),
    // A port typed wrong for a connection not in use is not worth refusing the save for.
    port: port.ok ? port.value : DEFAULT_SETTINGS.printing.port,
    devicePath: draft.devicePath.trim(),
    systemPrinterName: draft.systemPrinterName.trim(),
    headerText: draft.headerText.trim(),
    footerText: draft.footerText.trim(),
  };
}
