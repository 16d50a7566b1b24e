/** The moments of the explorer's work a watcher (a benchmark) can be told of. */
export type Moment = 'graph-data' | 'graph-drawn' | 'expanded';

declare global {
  interface Window {
    /** Set by a watcher before the page loads (see web/bench/b9-explorer.ts): told of each moment as it comes. */
    chainAtlasMoment?(moment: Moment): void;
  }
}

/**
 * Tells the watcher, if there is one, that the graph's data came (`graph-data`), or that the graph
 * (`graph-drawn`) or an expansion (`expanded`) has been handed to the canvas: drawn in the next frame.
 */
export const moment = (name: Moment) => window.chainAtlasMoment?.(name);
