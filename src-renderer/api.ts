/**
 * The one typed client of the API contract. In Electron it goes through the preload's
 * `window.regulars.invoke` (IPC); in a browser it posts to the loopback bridge with the per-launch
 * token. Either way a refusal becomes an ApiCallError with the stable code and a message in the
 * current UI locale (the API localizes it; transport failures are localized here).
 */
import type { ApiError, ApiResult, InputOf, MethodName, OutputOf } from '../src-main/api/contract.ts';
import { LOCALE_HEADER } from '../src-main/api/contract.ts';
import type { ErrorCode } from '../src-main/ledger/errors.ts';
import { i18n, currentLocale } from './i18n/index.ts';

/** What the Electron preload exposes (contextBridge, sandboxed renderer). */
export interface RegularsPreload {
  invoke(method: string, input: unknown, locale?: string): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    regulars?: RegularsPreload;
  }
}

/** Codes the API can answer, plus NETWORK when no answer came back at all. */
export type CallErrorCode = ErrorCode | 'NETWORK';

export class ApiCallError extends Error {
  readonly code: CallErrorCode;
  readonly params: Record<string, string | number>;
  readonly issues: Array<{ path: string; message: string }>;
  readonly method: string;

  constructor(method: string, error: { code: CallErrorCode; message: string; params?: Record<string, string | number>; issues?: ApiError['issues'] }) {
    super(error.message);
    this.name = 'ApiCallError';
    this.method = method;
    this.code = error.code;
    this.params = error.params ?? {};
    this.issues = error.issues ?? [];
  }
}

const TOKEN_KEY = 'regulars.token';

/**
 * The bridge link carries the token in the fragment (`#token=…`). Keep it for this tab in
 * sessionStorage and take it out of the address bar, so it is not copied, bookmarked or shown.
 * Call once at start-up, before the router reads the hash.
 */
export function captureToken(): void {
  const hash = location.hash.replace(/^#/, '');
  if (!hash.includes('token=')) return;
  const params = new URLSearchParams(hash);
  const token = params.get('token');
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
}

function readToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function networkError(method: string, cause?: unknown): ApiCallError {
  const error = new ApiCallError(method, { code: 'NETWORK', message: i18n.t('errors.network') });
  if (cause !== undefined) (error as Error & { cause?: unknown }).cause = cause;
  return error;
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

async function overHttp(method: string, input: unknown, locale: string): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/${encodeURIComponent(method)}`, location.origin), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${readToken()}`,
        [LOCALE_HEADER]: locale,
      },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (cause) {
    throw networkError(method, cause);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw networkError(method, cause);
  }
  if (!isApiResult(body)) throw networkError(method);
  return body;
}

/** One round trip, whatever the transport: the answer as the API gave it (refusals are answers too). */
async function send(method: string, input: unknown): Promise<ApiResult<unknown>> {
  const locale = currentLocale();
  const bridge = window.regulars;
  if (!bridge) return overHttp(method, input, locale);
  let result: ApiResult<unknown>;
  try {
    result = await bridge.invoke(method, input, locale);
  } catch (cause) {
    throw networkError(method, cause);
  }
  if (!isApiResult(result)) throw networkError(method);
  return result;
}

/** An owner's (or manager's) PIN typed for one call the signed-in person's role does not allow. */
export interface Approval {
  staffId: string;
  pin: string;
}

/** What the approval dialog is asked: whose PIN the call needs, and a way to send it again with one. */
export interface ApprovalRequest {
  method: MethodName;
  role: 'owner' | 'manager';
  /** The same call with the approval; the dialog stays open on a wrong PIN and shows why. */
  submit: (approval: Approval) => Promise<ApiResult<unknown>>;
}

/** Shows the dialog; resolves with the answer of the approved call, or null when the person gave up. */
export type ApprovalPrompt = (request: ApprovalRequest) => Promise<ApiResult<unknown> | null>;

let approvalPrompt: ApprovalPrompt | null = null;
/** One approval dialog at a time: a second call that needs one waits for the first to be answered. */
let approvalQueue: Promise<unknown> = Promise.resolve();
const sessionEndedListeners = new Set<() => void>();

/** The app's one approval dialog registers itself here (and unregisters with null). */
export function setApprovalPrompt(prompt: ApprovalPrompt | null): void {
  approvalPrompt = prompt;
}

/** Told when the main process says nobody is signed in any more (signed out elsewhere, archived). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function askApproval(method: MethodName, input: unknown, role: 'owner' | 'manager'): Promise<ApiResult<unknown> | null> {
  const prompt = approvalPrompt;
  if (!prompt) return Promise.resolve(null);
  const asked = approvalQueue.then(() => prompt({ method, role, submit: (approval) => send(method, { ...(input as object), approval }) }));
  approvalQueue = asked.catch(() => undefined);
  return asked;
}

async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  let result = await send(method, input);
  // A role too low for this call: the one approval dialog asks for a higher role's PIN and sends it again.
  if (!result.ok && result.error.code === 'APPROVAL_REQUIRED') {
    const role = result.error.params?.['role'] === 'manager' ? 'manager' : 'owner';
    result = (await askApproval(method, input, role)) ?? result;
  }
  if (!result.ok && result.error.code === 'SIGN_IN_REQUIRED') for (const listener of sessionEndedListeners) listener();
  if (!result.ok) throw new ApiCallError(method, result.error);
  return result.value as OutputOf<M>;
}

export const api = { call };

/** The message to show for anything a call threw. */
export function errorText(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return i18n.t('errors.unexpected');
}
