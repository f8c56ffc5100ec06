/**
 * The single door into the ledger, whatever the transport: look up the method, validate the input
 * with its zod schema, check who may call it (when the caller is a till with a session), run the
 * handler — an audited one inside one transaction with its audit row — and turn every failure into a
 * stable code and a message in the caller's locale. Nothing that fails validation or permission
 * reaches a handler.
 */
import { z } from 'zod';
import { auditRuleOf } from '../audit/describers.ts';
import { appendAudit } from '../audit/log.ts';
import { id } from '../ledger/commands.ts';
import { LedgerError, type ErrorCode, type ErrorParams } from '../ledger/errors.ts';
import { getSettings } from '../ledger/settings.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { authorize, checkInputRules } from '../staff/authorize.ts';
import { STAFF_ID_IS_SUBJECT } from '../staff/permissions.ts';
import { currentStaff } from '../staff/staff.ts';
import type { Approval } from '../staff/types.ts';
import { contract, isMethodName, type ApiError, type ApiResult, type MethodName } from './contract.ts';
import { errorMessage, normalizeLocale, type Locale } from './error-messages.ts';
import type { Actor } from './handler-context.ts';
import { handlers, type HandlerContext } from './handlers.ts';

/** Always a promise: most handlers answer at once, a few (PDFs, waiting on a print job) take a moment. */
export type Dispatch = (method: string, input: unknown, locale?: string) => Promise<ApiResult<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors go (never the request body: it may hold personal data). */
  logError?: (method: string, error: unknown) => void;
}

/**
 * The envelope field a call carries when someone with a higher role typed their PIN for it. Taken off
 * the input before validation, so no handler ever sees a PIN.
 */
export const APPROVAL_FIELD = 'approval';
const approvalSchema = z.object({ staffId: id, pin: z.string().max(32) });

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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The input without its approval envelope, and the approval (undefined: malformed). */
function splitApproval(raw: unknown): { input: unknown; approval: Approval | null | undefined } {
  if (!isRecord(raw) || !(APPROVAL_FIELD in raw)) return { input: raw, approval: null };
  const { [APPROVAL_FIELD]: given, ...input } = raw;
  const parsed = approvalSchema.safeParse(given);
  return { input, approval: parsed.success ? parsed.data : undefined };
}

/** A trusted in-process caller acts as the owner, in the name of the input's staffId when it names a real person who acts. */
function trustedActor(ctx: HandlerContext, method: MethodName, input: Record<string, unknown>): Actor {
  const acting = typeof input['staffId'] === 'string' && !STAFF_ID_IS_SUBJECT.has(method);
  const named = acting ? currentStaff(ctx.ledger, input['staffId'] as string) : null;
  return { staffId: named?.id ?? null, role: 'owner', approvedByStaffId: null };
}

/**
 * The context an audited call runs with: the SMS sender and the print spooler are woken only after the
 * transaction commits (a message or a job must not be picked up before its cause is on disk).
 */
function withDeferredWakes(ctx: HandlerContext): { ctx: HandlerContext; flush: () => void } {
  let wakeSender = false;
  let wakeSpooler = false;
  const deferred: HandlerContext = { ...ctx };
  if (ctx.messaging) deferred.messaging = { ...ctx.messaging, wake: () => void (wakeSender = true) };
  if (ctx.printing) {
    const { spooler } = ctx.printing;
    deferred.printing = { ...ctx.printing, spooler: { wake: () => void (wakeSpooler = true), waitFor: (jobId, ms) => spooler.waitFor(jobId, ms) } };
  }
  return {
    ctx: deferred,
    flush: () => {
      if (wakeSender) ctx.messaging?.wake();
      if (wakeSpooler) ctx.printing?.spooler.wake();
    },
  };
}

type AnyHandler = (c: HandlerContext, input: unknown) => unknown;

/** Run the handler; an audited one in one transaction with its audit row (a replayed request writes none). */
async function run(ctx: HandlerContext, method: MethodName, input: unknown): Promise<unknown> {
  const handler = handlers[method] as AnyHandler;
  const describer = auditRuleOf(method);
  if (!describer || describer === 'self') return handler(ctx, input);
  const actor = ctx.actor ?? { staffId: null, role: 'owner', approvedByStaffId: null };
  const append = (result: unknown, before: unknown) => {
    const described = describer.describe(ctx, input, result, before);
    appendAudit(ctx.ledger, {
      staffId: actor.staffId,
      approvedByStaffId: actor.approvedByStaffId,
      action: method,
      subject: described.subject ?? null,
      before: described.before,
      after: described.after,
    });
  };
  if (describer.changesNothing) {
    const result = await handler(ctx, input);
    inTransaction(ctx.ledger, () => append(result, undefined));
    return result;
  }
  const call = withDeferredWakes(ctx);
  const value = inTransaction(ctx.ledger, () => {
    const before = describer.before?.(call.ctx, input);
    const result = handler(call.ctx, input);
    if (result instanceof Promise) throw new Error(`${method}: an audited handler must answer synchronously`);
    if (!(isRecord(result) && result['replayed'] === true)) append(result, before);
    return result;
  });
  call.flush();
  return value;
}

export function createDispatch(ctx: HandlerContext, options: DispatchOptions = {}): Dispatch {
  return async (method, rawInput, rawLocale) => {
    const locale = normalizeLocale(rawLocale ?? getSettings(ctx.ledger).locale);
    if (!isMethodName(method)) return { ok: false, error: makeError(ctx, 'UNKNOWN_METHOD', locale, { method: method.slice(0, 60) }) };
    const { input: bare, approval } = splitApproval(rawInput ?? {});
    if (approval === undefined) return { ok: false, error: makeError(ctx, 'VALIDATION', locale, { field: APPROVAL_FIELD }) };
    try {
      // At a till, who may call comes first: a refusal says nothing about the input.
      let actor = ctx.session ? authorize(ctx.ledger, ctx.session, method, approval) : null;
      const parsed = contract[method].input.safeParse(bare ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const field = issues[0]?.path || '';
        return { ok: false, error: makeError(ctx, 'VALIDATION', locale, field ? { field } : {}, issues) };
      }
      const input: Record<string, unknown> = isRecord(parsed.data) ? parsed.data : {};
      if (actor) {
        checkInputRules(ctx.ledger, actor, method, input, approval !== null);
        // Whoever the page says acts, it is the person signed in at this till.
        if ('staffId' in input && !STAFF_ID_IS_SUBJECT.has(method)) input['staffId'] = actor.staffId;
      } else if (!ctx.session) {
        actor = trustedActor(ctx, method, input);
      }
      const value = await run(actor ? { ...ctx, actor } : ctx, method, parsed.data);
      return { ok: true, value };
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
