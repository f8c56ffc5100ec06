/**
 * The fixed words of the retention tables (consent, campaigns, contacts, SMS), in a file with no
 * imports: the schema, the API's input schemas and the renderer all use them.
 */
export const CONSENT_KINDS = ['sms_marketing', 'sms_bill', 'do_not_contact'] as const;
export const CONSENT_SOURCES = ['staff', 'member_form', 'provider', 'import'] as const;
/** A win-back send, or the birthday greetings of one day. */
export const CAMPAIGN_KINDS = ['winback', 'birthday'] as const;
export const CONTACT_CHANNELS = ['sms', 'call'] as const;
export const CALL_OUTCOMES = ['reached', 'will_visit', 'not_interested', 'no_answer', 'wrong_number'] as const;
export const SMS_KINDS = ['marketing', 'birthday', 'bill', 'test'] as const;
export const SMS_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
/** Why a receipt is printed: right after the sale (auto), the cashier's print or reprint, a test page. */
/** shift_report: a shift's Z report (the shift it prints is in shift_print_jobs, src-main/shifts/print.ts). */
export const PRINT_JOB_PURPOSES = ['receipt', 'test', 'shift_report'] as const;
export const PRINT_JOB_STATUSES = ['pending', 'printing', 'printed', 'failed'] as const;
