import { useT } from '../../i18n/useT';
import type { SystemOffer } from '../../state/explorer-start';

/** The district's largest enterprise systems (系), largest first: a click opens one, its root at the centre. */
export function SystemsList({
  systems,
  centre,
  onOpen,
}: {
  systems: readonly SystemOffer[];
  centre: string | null;
  onOpen(key: string): void;
}) {
  const { t } = useT();
  if (systems.length === 0) return null;
  return (
    <nav className="panel systems-list" aria-label={t('explorer.systems')} data-testid="systems-list">
      <h3>{t('explorer.systems')}</h3>
      <ul>
        {systems.map((s) => (
          <li key={s.key}>
            <button
              type="button"
              className="system-chip"
              aria-current={s.key === centre ? 'true' : undefined}
              title={t('explorer.systems.title', { name: s.name, n: s.directCount, affiliates: s.affiliateCount })}
              data-testid="system-chip"
              data-key={s.key}
              onClick={() => onOpen(s.key)}
            >
              {s.name}
              <small>{t('explorer.systems.count', { n: s.directCount })}</small>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
