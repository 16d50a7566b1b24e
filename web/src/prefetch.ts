import { prefetch } from './api';
import { NeighbourhoodQuery } from './queries/enterprise';
import { neighbourhoodVariables, readView } from './state/explorer-url';

/**
 * Asks for the data of the page being opened, while the rest of the app (React, Cytoscape:
 * most of its code) is still loading: an explorer view's neighbourhood. The explorer's own
 * request, with the same variables, takes the answer.
 */
export function prefetchOpenedPage(location: Pick<Location, 'pathname' | 'search'>): void {
  if (location.pathname !== '/explore') return;
  const view = readView(new URLSearchParams(location.search));
  if (view.centre) prefetch(NeighbourhoodQuery, neighbourhoodVariables({ ...view, centre: view.centre }));
}
