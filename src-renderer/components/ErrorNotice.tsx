import { useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../src-main/api/error-messages.ts';
import { ERROR_CODES, type ErrorCode } from '../../src-main/ledger/errors.ts';
import { ApiCallError } from '../api.ts';
import { AppInfoContext } from '../app/app-info.ts';
import { i18n, toLocale, type Locale } from '../i18n/index.ts';
import { Icon } from './Icon.tsx';

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The words for a failed call in the given locale. The API already localized the message when it
 * answered; if the person switched language since, the message is rebuilt from its code and params.
 */
export function describeError(error: unknown, locale: Locale, currency: string): string {
  if (error instanceof ApiCallError) {
    if (error.code === 'NETWORK') return i18n.t('errors.network', { lng: locale });
    if (isErrorCode(error.code)) return errorMessage(error.code, error.params, locale, currency);
    return error.message;
  }
  return i18n.t('errors.unexpected', { lng: locale });
}

/** describeError bound to the current UI locale and the shop's currency. */
export function useErrorText(): (error: unknown) => string {
  const { i18n: instance } = useTranslation();
  const info = useContext(AppInfoContext);
  const locale = toLocale(instance.language);
  const currency = info?.settings.currency ?? 'CNY';
  return (error) => describeError(error, locale, currency);
}

interface NoticeProps {
  /** An error is announced (role=alert); a note is read where it stands. */
  kind: 'error' | 'note';
  title?: string;
  text: string;
  /** More classes (e.g. a warning's colours). */
  className?: string;
  /** A button after the text (e.g. retry). */
  action?: ReactNode;
}

/** A boxed message with the alert icon: an optional bold title, then the text. */
export function Notice({ kind, title, text, className, action }: NoticeProps) {
  return (
    <div className={`notice${kind === 'error' ? ' is-error' : ''}${className ? ` ${className}` : ''}`} role={kind === 'error' ? 'alert' : 'note'}>
      <Icon name="alert" className="notice-icon" />
      <div className="notice-body">
        {title ? <strong className="notice-title">{title}</strong> : null}
        <span>{text}</span>
      </div>
      {action}
    </div>
  );
}

/** A refusal or failure shown where it happened (role=alert so it is announced). */
export function ErrorNotice({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  const retry = onRetry ? (
    <button type="button" className="btn btn-small" onClick={onRetry}>
      {t('common.retry')}
    </button>
  ) : null;
  return <Notice kind="error" title={title} text={text(error)} action={retry} />;
}
