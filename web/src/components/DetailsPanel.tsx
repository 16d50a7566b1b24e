import { Fragment } from 'react';
import { formatCount, formatMoney, keyLabel } from '../format';
import { ROLE_STYLES } from '../graph/style';
import { useT } from '../i18n/useT';
import type { Enterprise } from '../queries/enterprise';
import { AppLink } from './AppLink';

/** A firm drawn next to the selected one: the keyboard's way along the graph. */
export interface LinkedFirm {
  id: string;
  name: string;
  /** The selected firm controls or supplies it (else it controls or supplies the selected firm). */
  outgoing: boolean;
  kind: 'CONTROLS' | 'SUPPLIES';
  /** The share or product, where the link has one. */
  detail: string;
}

/** Where expanding a firm in place stands. */
export type ExpandState = 'idle' | 'pending' | 'done';

const MAX_LINKS = 100;

interface DetailsPanelProps {
  enterprise: Enterprise | null;
  /** Expanding in place (the explorer); without it, a link opens the explorer centred on the enterprise. */
  expandState?: ExpandState;
  onExpand?(id: string): void;
  /** Folding its system into one node (or opening it again): for members of a system. */
  folded?: boolean;
  onToggleFold?(id: string): void;
  /** The firms drawn next to it, each a button that selects it. */
  links?: readonly LinkedFirm[];
  onPickLink?(id: string): void;
}

const EXPAND_KEYS = { idle: 'explorer.expand', pending: 'explorer.expanding', done: 'explorer.expanded' } as const;

/** The selected enterprise: identity, place, role, size, tags and chain segments; expand, fold, find a path. */
export function DetailsPanel({
  enterprise,
  expandState = 'idle',
  onExpand,
  folded,
  onToggleFold,
  links,
  onPickLink,
}: DetailsPanelProps) {
  const { t, lang } = useT();
  if (!enterprise) {
    return (
      <section className="panel details details-empty" data-testid="details-empty">
        {/* how to select is in the legend below */}
        <p className="hint">{t('explorer.noSelection')}</p>
      </section>
    );
  }
  const inSystem = enterprise.role === 'ROOT' || enterprise.role === 'DIRECT';
  const derived = (field: string) => enterprise.derivedFields.includes(field);
  // the most precise place known: the district, else the city or province
  const place = enterprise.district ?? [enterprise.province, enterprise.city].filter(Boolean).join(' ');
  return (
    <section className="panel details" data-testid="details-panel" aria-label={enterprise.shortName}>
      <header className="details-header">
        <div>
          <h2 title={derived('shortName') ? t('explorer.derivedHint') : undefined}>{enterprise.shortName}</h2>
          <p className="details-name">{enterprise.name}</p>
        </div>
        {onExpand ? (
          <button
            type="button"
            className="expand-button"
            data-testid="expand-button"
            disabled={expandState !== 'idle'}
            onClick={() => onExpand(enterprise.id)}
          >
            {t(EXPAND_KEYS[expandState])}
          </button>
        ) : (
          <AppLink
            className="expand-button"
            href={`/explore?e=${encodeURIComponent(enterprise.key)}`}
            data-testid="explore-from"
          >
            {t('explorer.exploreFrom')}
          </AppLink>
        )}
      </header>
      <p className="badges">
        <span className="badge" style={{ background: ROLE_STYLES[enterprise.role].color }}>
          {t(`role.${enterprise.role}`)}
        </span>
        <span
          className={enterprise.local ? 'badge local' : 'badge outside'}
          title={derived('local') ? t('explorer.derivedHint') : undefined}
        >
          {t(`local.${enterprise.local}`)}
          {derived('local') && t('explorer.derivedMark')}
        </span>
        {enterprise.status && <span className="badge plain">{enterprise.status}</span>}
      </p>
      <p className="details-actions">
        {inSystem && onToggleFold && (
          <button
            type="button"
            className="button"
            data-testid="fold-button"
            onClick={() => onToggleFold(enterprise.id)}
          >
            {t(folded ? 'explorer.openSystem' : 'explorer.collapseSystem')}
          </button>
        )}
        <AppLink className="button" href={`/path?from=${encodeURIComponent(enterprise.key)}`} data-testid="path-from">
          {t('explorer.pathFrom')}
        </AppLink>
      </p>
      <dl className="facts">
        <dt>{t(keyLabel(enterprise.key))}</dt>
        <dd className="mono">{enterprise.key}</dd>
        <dt>{t('explorer.district')}</dt>
        <dd>{place || '—'}</dd>
        {enterprise.industry && (
          <>
            <dt>{t('explorer.industry')}</dt>
            <dd>{enterprise.industry}</dd>
          </>
        )}
        {enterprise.stockCode && (
          <>
            <dt>{t('explorer.stockCode')}</dt>
            <dd className="mono">{enterprise.stockCode}</dd>
          </>
        )}
        <dt>{t('explorer.park')}</dt>
        <dd>{enterprise.park ?? '—'}</dd>
        <dt>{t('explorer.revenue')}</dt>
        <dd>{formatMoney(enterprise.revenue, lang)}</dd>
        <dt>{t('explorer.capital')}</dt>
        <dd>
          {formatMoney(enterprise.registeredCapital, lang)}
          {enterprise.registeredCapital != null && enterprise.registeredCapitalCurrency !== 'CNY' && (
            <span className="muted"> {enterprise.registeredCapitalCurrency}</span>
          )}
        </dd>
        {enterprise.attributes.map((a) => (
          <Fragment key={a.name}>
            <dt>{a.name}</dt>
            <dd>{a.value}</dd>
          </Fragment>
        ))}
        <dt>{t('explorer.employees')}</dt>
        <dd>{formatCount(enterprise.employees, lang, t('explorer.people'))}</dd>
        <dt>{t('explorer.founded')}</dt>
        <dd>{enterprise.foundedOn ?? '—'}</dd>
      </dl>
      <h3>{t('explorer.tags')}</h3>
      {enterprise.tags.length > 0 ? (
        <ul className="tags">
          {enterprise.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">—</p>
      )}
      {links && onPickLink && (
        <>
          <h3>{t('explorer.linked', { n: links.length })}</h3>
          {links.length > 0 ? (
            <ul className="linked" data-testid="linked-firms">
              {links.slice(0, MAX_LINKS).map((link) => (
                <li key={`${link.id}|${link.kind}|${link.outgoing}`}>
                  <button type="button" className="linked-firm" onClick={() => onPickLink(link.id)}>
                    <span aria-hidden="true">{link.outgoing ? '→' : '←'}</span>
                    <span className="name">{link.name}</span>
                    <span className="muted">
                      {t(link.outgoing ? `explorer.linkOut.${link.kind}` : `explorer.linkIn.${link.kind}`)}
                      {link.detail && ` · ${link.detail}`}
                    </span>
                  </button>
                </li>
              ))}
              {links.length > MAX_LINKS && (
                <li className="muted">{t('explorer.linkedMore', { n: links.length - MAX_LINKS })}</li>
              )}
            </ul>
          ) : (
            <p className="muted">—</p>
          )}
        </>
      )}
      <h3>{t('explorer.segments')}</h3>
      {enterprise.segments.length > 0 ? (
        <ul className="segments">
          {enterprise.segments.map((segment) => (
            <li key={segment.id}>
              <AppLink className="chain-name" href={`/chains/${encodeURIComponent(segment.chain.key)}`}>
                {segment.chain.name}
              </AppLink>
              <span className="segment-name">
                {t('explorer.segmentTier', { name: segment.name, tier: t(`tier.${segment.tier}`) })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">—</p>
      )}
    </section>
  );
}
