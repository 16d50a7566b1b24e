import { useEffect, useState } from 'react';
import { request } from '../api';
import { LargestSystemsQuery } from '../queries/enterprise';
import { type ExplorerView, readView, writeView } from './explorer-url';

/** Where the explorer's last view is kept (its URL parameters, the language left out), in this browser. */
export const LAST_VIEW_KEY = 'chain-atlas.explorer.last';
/** How many of the largest systems the explorer offers to start from. */
export const SYSTEMS_OFFERED = 6;

/** Keeps a view that has been drawn, to open on it next time. Storage refused (private mode, full): nothing kept. */
export function rememberView(view: ExplorerView): void {
  if (!view.centre) return;
  try {
    localStorage.setItem(LAST_VIEW_KEY, writeView(view, new URLSearchParams()).toString());
  } catch {
    // not kept: the explorer opens on the largest system instead
  }
}

/** The last view drawn in this browser, if there is one with a centre. */
export function lastView(): ExplorerView | null {
  try {
    const saved = localStorage.getItem(LAST_VIEW_KEY);
    const view = saved ? readView(new URLSearchParams(saved)) : null;
    return view?.centre ? view : null;
  } catch {
    return null;
  }
}

export interface SystemOffer {
  key: string;
  name: string;
  directCount: number;
  affiliateCount: number;
}

export type StartState =
  /** The view has a centre, or one is being chosen. */
  | { kind: 'started' }
  | { kind: 'starting' }
  /** No last view and no system to start from: the explorer waits for a search. */
  | { kind: 'empty' };

/**
 * Where the explorer starts when its URL names no firm: the user's last view in this browser, or
 * else the root of the district's largest enterprise system. Also the largest systems, to offer
 * them as places to start from. `open` puts a view in the URL (replacing the entry).
 */
export function useExplorerStart(centre: string | null, open: (view: ExplorerView | { centre: string }) => void) {
  const [systems, setSystems] = useState<readonly SystemOffer[] | null>(null);
  const [start, setStart] = useState<StartState>(centre ? { kind: 'started' } : { kind: 'starting' });

  useEffect(() => {
    const abort = new AbortController();
    request(LargestSystemsQuery, { first: SYSTEMS_OFFERED }, abort.signal).then(
      ({ systems }) =>
        setSystems(
          systems.nodes.map((s) => ({
            key: s.root.key,
            name: s.root.shortName,
            directCount: s.directCount,
            affiliateCount: s.affiliateCount,
          })),
        ),
      () => {
        if (!abort.signal.aborted) setSystems([]);
      },
    );
    return () => abort.abort();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: chosen when the centre goes (or is not there), with the systems once they come
  useEffect(() => {
    if (centre) {
      setStart({ kind: 'started' });
      return;
    }
    const last = lastView();
    if (last) {
      setStart({ kind: 'starting' });
      open(last);
      return;
    }
    if (systems === null) {
      setStart({ kind: 'starting' });
      return;
    }
    const largest = systems[0];
    if (largest) open({ centre: largest.key });
    else setStart({ kind: 'empty' });
  }, [centre, systems]);

  return { systems, start };
}

/** Forgets the last view if it is of `centre` (a firm that could not be drawn: gone since, or never found). */
export function forgetView(centre: string): void {
  try {
    if (lastView()?.centre === centre) localStorage.removeItem(LAST_VIEW_KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}
