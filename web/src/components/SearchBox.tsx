import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { request } from '../api';
import { ROLE_STYLES } from '../graph/style';
import { useT } from '../i18n/useT';
import { SearchEnterprisesQuery, type SearchHit } from '../queries/enterprise';

const DEBOUNCE_MS = 250;
const LIMIT = 12;

type Results =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; query: string; hits: SearchHit[] }
  | { kind: 'error'; query: string; message: string };

interface SearchBoxProps {
  onPick(hit: SearchHit): void;
  /** Tells the boxes of one page apart (test ids, labels). */
  id?: string;
  label?: string;
}

/** 搜索企业: debounced search by name, short name or pinyin initials; pick with a click, or the arrow keys and Enter. */
export function SearchBox({ onPick, id = 'search', label }: SearchBoxProps) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Results>({ kind: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const query = text.trim();

  useEffect(() => {
    if (!query) {
      setResults({ kind: 'idle' });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setResults({ kind: 'loading' });
      request(SearchEnterprisesQuery, { query, first: LIMIT }, abort.signal).then(
        ({ searchEnterprises }) => {
          setResults({ kind: 'done', query, hits: searchEnterprises.nodes });
          setActive(0);
        },
        (error: unknown) => {
          if (!abort.signal.aborted) setResults({ kind: 'error', query, message: String((error as Error).message) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  // Results of an earlier query are never shown (nor picked): until the new ones arrive, it is 搜索中….
  const current: Results =
    results.kind === 'idle' || results.kind === 'loading' || results.query === query ? results : { kind: 'loading' };
  const hits = current.kind === 'done' ? current.hits : [];
  const pick = (hit: SearchHit) => {
    setText(hit.shortName);
    setOpen(false);
    onPick(hit);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (open && hit) {
        event.preventDefault();
        pick(hit);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && query !== '';
  return (
    <div className="search">
      <input
        type="search"
        className="search-input"
        data-testid={`${id}-input`}
        maxLength={100}
        placeholder={t('explorer.searchPlaceholder')}
        aria-label={label ?? t('explorer.search')}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={showList ? listId : undefined}
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <div className="search-popup">
          {(current.kind === 'loading' || current.kind === 'idle') && (
            <p className="search-status">{t('explorer.searching')}</p>
          )}
          {current.kind === 'error' && (
            <p className="search-status error" role="alert">
              {t('explorer.searchFailed', { message: current.message })}
            </p>
          )}
          {current.kind === 'done' && hits.length === 0 && (
            <p className="search-status" data-testid={`${id}-empty`}>
              {t('explorer.noHits', { q: query })}
            </p>
          )}
          {hits.length > 0 && (
            <div id={listId} role="listbox" className="search-results" aria-label={label ?? t('explorer.search')}>
              {hits.map((hit, i) => (
                <div
                  key={hit.id}
                  id={`${listId}-${i}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === active}
                  className={i === active ? 'search-result active' : 'search-result'}
                  data-testid={`${id}-result`}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => pick(hit)}
                  onKeyDown={(event) => event.key === 'Enter' && pick(hit)}
                >
                  <span className="role-dot" style={{ background: ROLE_STYLES[hit.role].color }} />
                  <span className="search-result-text">
                    <strong>{hit.shortName}</strong>
                    <small>{hit.name}</small>
                  </span>
                  <span className="search-result-role">
                    {t(`role.${hit.role}`)}
                    {hit.local ? '' : ` · ${t('local.false')}`}
                  </span>
                </div>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
