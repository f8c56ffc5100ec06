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
  // — staff —
  // — imports —
  // — backups —
  // — shifts —
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
