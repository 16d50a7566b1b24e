import { useEffect, useState } from 'react';
import { GraphModel, type ModelSnapshot } from './model';

/** A model of what a view shows, for as long as the view is there (see graph/model.ts). */
export function useGraphModel(): GraphModel {
  const [model] = useState(() => new GraphModel());
  return model;
}

/**
 * The model as it is now: a view that reads it renders again when what it holds changes. The
 * render is scheduled as any state's is, not run at once: the page around the graph is laid out in
 * a task of its own, not in the one that hands the canvas the change.
 */
export function useModelSnapshot(model: GraphModel): ModelSnapshot {
  const [seen, setSeen] = useState(() => model.snapshot());
  useEffect(() => {
    setSeen(model.snapshot());
    return model.subscribe(() => setSeen(model.snapshot()));
  }, [model]);
  return seen;
}
