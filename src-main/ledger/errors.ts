/**
 * Every refusal the ledger can give has a stable code. Callers (screens, tests, other tills) branch on
 * the code; the words shown to a person come from src-main/api/error-messages.ts in their locale.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'AMOUNT_OUT_OF_RANGE',
  'MEMBER_NOT_FOUND',
  'MEMBER_ARCHIVED',
  'PRODUCT_NOT_FOUND',
  'PRODUCT_INACTIVE',
  'BILL_NOT_FOUND',
  'TOPUP_NOT_FOUND',
  'STAFF_NOT_FOUND',
  'TIER_NOT_FOUND',
  'PHONE_INVALID',
  'PHONE_TAKEN',
  'BARCODE_TAKEN',
  'EMPTY_BILL',
  'PAYMENT_MISMATCH',
  'CASH_TENDER_SHORT',
  'TENDER_ONLY_FOR_CASH',
  'MEMBER_REQUIRED',
  'INSUFFICIENT_BALANCE',
  'INSUFFICIENT_POINTS',
  'POINTS_REDEMPTION_DISABLED',
  'NOT_A_SALE',
  'NOT_A_TOPUP',
  'REFUND_EXCEEDS_SALE',
  'NOTHING_TO_REFUND',
  'TOPUP_REFUND_EXCEEDS',
  'ADJUSTMENT_BELOW_ZERO',
  'ADJUSTMENT_EMPTY',
  'IDEMPOTENCY_CONFLICT',
  'UNKNOWN_PLACEHOLDER',
  'CAMPAIGN_NOT_FOUND',
  'SMS_PROVIDER_NOT_SET',
  'SECRET_UNREADABLE',
  'NOT_ENOUGH_HISTORY',
  'PRINTER_NOT_SET',
  'PRINTER_BAD_ADDRESS',
  'PRINTER_UNREACHABLE',
  'PRINTER_TIMEOUT',
  'PRINTER_OFFLINE',
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_DISCONNECTED',
  'PRINTER_SYSTEM_UNAVAILABLE',
  'PRINTER_INTERRUPTED',
  'PRINT_JOB_NOT_FOUND',
  // — reports —
  'REPORT_RANGE_INVALID',
  'REPORT_RANGE_TOO_LONG',
  // — staff —
  'SIGN_IN_REQUIRED',
  'APPROVAL_REQUIRED',
  'APPROVER_NOT_ALLOWED',
  'PIN_WRONG',
  'PIN_LOCKED',
  'PIN_FORMAT',
  'PIN_NOT_SET',
  'PIN_ALREADY_SET',
  'LAST_OWNER',
  // — imports —
  'IMPORT_FILE_EMPTY',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_FORMAT_UNSUPPORTED',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_MAPPING_INCOMPLETE',
  'IMPORT_BATCH_NOT_FOUND',
  'IMPORTED_BILL_NOT_REFUNDABLE',
  // — backups —
  'BACKUP_FOLDER_UNUSABLE',
  'BACKUP_BUSY',
  'BACKUP_FILE_NOT_FOUND',
  'BACKUP_NOT_REGULARS',
  'BACKUP_CORRUPT',
  'BACKUP_NEWER_SCHEMA',
  'BACKUP_COPY_FAILED',
  'BACKUP_IS_DATA_FILE',
  'BACKUP_PICKER_UNAVAILABLE',
  'RESTORE_FAILED',
  // — shifts —
  'SHIFT_NOT_FOUND',
  'SHIFT_ALREADY_OPEN',
  'SHIFT_ALREADY_CLOSED',
  'SHIFT_BAD_DENOMINATION',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN_ORIGIN',
  'MALFORMED_REQUEST',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class LedgerError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'LedgerError';
    this.code = code;
    this.params = params;
  }
}

export function fail(code: ErrorCode, params?: ErrorParams): never {
  throw new LedgerError(code, params);
}
