import { useState, useSyncExternalStore } from 'react';
import { GraphModel, type ModelSnapshot } from './model';

/** A model of what a view shows, for as long as the view is there (see graph/model.ts). */
export function useGraphModel(): GraphModel {
  const [model] = useState(() => new GraphModel());
  return model;
}

/** The model as it is now: a view that reads it renders again when what it holds changes. */
export function useModelSnapshot(model: GraphModel): ModelSnapshot {
  return useSyncExternalStore(
    (listener) => model.subscribe(listener),
    () => model.snapshot(),
  );
}
