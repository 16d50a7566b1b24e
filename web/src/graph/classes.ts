import type { ElementDefinition } from 'cytoscape';

/** The definition with one class more (classes given as a string or a list, or none). */
export function withClass(el: ElementDefinition, className: string): ElementDefinition {
  const classes = Array.isArray(el.classes) ? el.classes.join(' ') : (el.classes ?? '');
  return { ...el, classes: `${classes} ${className}`.trim() };
}

/** The classes that hide an element (and a node's edges with it): a filter's, and a folded system's members. */
export const HIDING_CLASSES = ['filtered', 'folded-away'] as const;
