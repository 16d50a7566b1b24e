import { useEffect } from 'react';
import type { GraphModel } from '../../graph/model';
import { nodeByKey } from './graph';

/** The moments of the explorer's work a watcher (a benchmark) can be told of. */
export type Moment = 'graph-data' | 'graph-drawn' | 'expanded';

declare global {
  interface Window {
    /** For benchmarks and tests: expand an enterprise of the explorer by its key, as its Expand button does. */
    chainAtlasExplorer?: { expand(key: string): Promise<void> };
    /** Set by a watcher before the page loads (see web/bench/b9-explorer.ts): told of each moment as it comes. */
    chainAtlasMoment?(moment: Moment): void;
  }
}

/**
 * Tells the watcher, if there is one, that the graph's data came (`graph-data`), or that the graph
 * (`graph-drawn`) or an expansion (`expanded`) has been handed to the canvas: drawn in the next frame.
 */
export const moment = (name: Moment) => window.chainAtlasMoment?.(name);

/** Puts `window.chainAtlasExplorer` there while the explorer is: expanding a firm of its model by key. */
export function useExplorerHooks(model: GraphModel, expand: (id: string) => Promise<void>) {
  useEffect(() => {
    window.chainAtlasExplorer = {
      expand: async (key) => {
        const id = nodeByKey(model, key);
        if (id !== undefined) await expand(id);
      },
    };
    return () => {
      delete window.chainAtlasExplorer;
    };
  }, [model, expand]);
}
