/**
 * The single door into the ledger, whatever the transport: look up the method, validate the input
 * with its zod schema, run the handler, and turn every failure into a stable code and a message in
 * the caller's locale. Nothing that fails validation reaches a handler.
 */
import { z } from 'zod';
import { LedgerError, type ErrorCode, type ErrorParams } from '../ledger/errors.ts';
import { getSettings } from '../ledger/settings.ts';
import { contract, isMethodName, type ApiError, type ApiResult } from './contract.ts';
import { errorMessage, normalizeLocale, type Locale } from './error-messages.ts';
import { handlers, type HandlerContext } from './handlers.ts';

/** Always a promise: most handlers answer at once, a few (PDFs, waiting on a print job) take a moment. */
export type Dispatch = (method: string, input: unknown, locale?: string) => Promise<ApiResult<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors go (never the request body: it may hold personal data). */
  logError?: (method: string, error: unknown) => void;
}

export function makeError(ctx: HandlerContext | null, code: ErrorCode, locale: Locale, params: ErrorParams = {}, issues?: ApiError['issues']): ApiError {
  let currency = 'CNY';
  try {
    if (ctx) currency = getSettings(ctx.ledger).currency;
  } catch {
    // The settings are only needed for nicer money in the message.
  }
  const error: ApiError = { code, message: errorMessage(code, params, locale, currency) };
  if (Object.keys(params).length > 0) error.params = params;
  if (issues) error.issues = issues;
  return error;
}

export function createDispatch(ctx: HandlerContext, options: DispatchOptions = {}): Dispatch {
  return async (method, rawInput, rawLocale) => {
    const locale = normalizeLocale(rawLocale ?? getSettings(ctx.ledger).locale);
    if (!isMethodName(method)) return { ok: false, error: makeError(ctx, 'UNKNOWN_METHOD', locale, { method: method.slice(0, 60) }) };
    const parsed = contract[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const field = issues[0]?.path || '';
      return { ok: false, error: makeError(ctx, 'VALIDATION', locale, field ? { field } : {}, issues) };
    }
    try {
      const handler = handlers[method] as (c: HandlerContext, input: unknown) => unknown;
      return { ok: true, value: await handler(ctx, parsed.data) };
    } catch (error) {
      if (error instanceof LedgerError) return { ok: false, error: makeError(ctx, error.code, locale, error.params) };
      if (error instanceof z.ZodError) {
        const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return { ok: false, error: makeError(ctx, 'VALIDATION', locale, {}, issues) };
      }
      options.logError?.(method, error);
      return { ok: false, error: makeError(ctx, 'INTERNAL', locale) };
    }
  };
}
