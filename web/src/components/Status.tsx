import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { AppLink } from './AppLink';

/**
 * What a view shows while its data loads, when there is none, or when loading failed; `needed`:
 * it failed because the caller's role is below that one (FORBIDDEN), which the view says as such.
 */
export type Loadable<T> =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; needed?: string; code?: string }
  | { kind: 'ready'; data: T };

export function Loading({ what }: { what?: string }) {
  const { t } = useT();
  return (
    <div className="status loading" role="status" data-testid="status-loading">
      {what ? `${t('state.loading')} ${what}` : t('state.loading')}
    </div>
  );
}

export function Failed({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <div className="status failed" role="alert" data-testid="status-error">
      <p>{t('state.error', { message })}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useT();
  return (
    <div className="status empty" data-testid="status-empty">
      {children ?? t('state.empty')}
    </div>
  );
}

/**
 * What is asked for is not there (an unknown page, chain or firm): said in the page's language,
 * with no retry (it would find nothing either) and the ways back to the overview and the explorer.
 */
export function NotFound({ message }: { message: string }) {
  const { t } = useT();
  return (
    <div className="status failed not-found" role="alert" data-testid="not-found">
      <h2>{t('notFound.title')}</h2>
      <p data-testid="not-found-message">{message}</p>
      <p className="not-found-links">
        <AppLink href="/" className="button" data-testid="not-found-overview">
          {t('notFound.toOverview')}
        </AppLink>
        <AppLink href="/explore" className="button" data-testid="not-found-explorer">
          {t('notFound.toExplorer')}
        </AppLink>
      </p>
    </div>
  );
}
