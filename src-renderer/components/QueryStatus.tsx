/**
 * What a list shows while it is not there: "loading", the failure of its read (with retry), or that it
 * is empty. Drawn the same on every screen that reads a list with useApiQuery.
 */
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Icon, type IconName } from './Icon.tsx';
import type { ApiQuery } from './use-api-query.ts';

export function Loading({ text }: { text?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {text ?? t('common.loading')}
    </p>
  );
}

/**
 * A read's failure (with retry) or, before its first answer, "loading"; nothing once it answered.
 * A failure after an answer shows above the answer still on screen.
 */
export function QueryStatus({ query, failedTitle }: { query: Pick<ApiQuery<unknown>, 'data' | 'error' | 'reload'>; failedTitle?: string }) {
  if (query.error) return <ErrorNotice error={query.error} title={failedTitle} onRetry={query.reload} />;
  if (query.data === null) return <Loading />;
  return null;
}

export function EmptyState({ icon, title, hint, className }: { icon: IconName; title: string; hint?: string; className?: string }) {
  return (
    <div className={className ? `empty ${className}` : 'empty'}>
      <Icon name={icon} size={36} className="empty-icon" />
      <p className="empty-title">{title}</p>
      {hint ? <p className="empty-hint">{hint}</p> : null}
    </div>
  );
}
