import { foldSystem } from '../../graph/folding';
import type { GraphModel } from '../../graph/model';
import type { T } from '../../i18n/useT';
import type { Enterprise } from '../../queries/enterprise';
import { enterpriseOf } from './graph';
import type { Said } from './said';

/** An enterprise system as folding needs it: its root, its members, how many it holds directly. */
export interface FoldedSystem {
  root: { id: string; shortName: string };
  members: { nodes: readonly { enterprise: { id: string } }[] };
  directCount: number;
}

/**
 * Folds a system into its root: its members are hidden, and the system's links to each other firm
 * are one link from the root, with their count (see graph/folding.ts). Returns the root, or why it
 * could not.
 */
export function foldInto(model: GraphModel, system: FoldedSystem, t: T): { root: Enterprise } | { why: Said } {
  const rootId = system.root.id;
  const root = enterpriseOf(model, rootId);
  if (!model.hasNode(rootId) || !root)
    return { why: { key: 'explorer.rootNotShown', vars: { name: system.root.shortName } } };
  const members = new Set(system.members.nodes.map((m) => m.enterprise.id));
  const result = foldSystem(rootId, members, {
    nodes: model.nodes().map((n) => n.id),
    edges: model
      .edges()
      .filter((e) => !e.classes.has('meta'))
      .map((e) => ({ id: e.id, source: e.source, target: e.target })),
  });
  model.setClass([...result.hidden, ...result.hiddenEdges], 'folded-away', true);
  model.upsert(result.meta.map((m) => ({ group: 'edges' as const, data: { ...m, kind: 'META' }, classes: 'meta' })));
  // the label is written in the language of the moment, and again when it changes
  model.setClass([rootId], 'folded', true);
  model.setData(rootId, { foldedName: system.root.shortName, foldedCount: system.directCount + 1 });
  labelFolded(model, t);
  return { root };
}

/** Opens a folded system again: its root's meta links go, what folding hid shows again (all of it). */
export function unfoldAt(model: GraphModel, rootId: string) {
  model.remove(
    model
      .edgesOf(rootId)
      .filter((e) => e.classes.has('meta'))
      .map((e) => e.id),
  );
  model.setClass(
    [...model.nodes(), ...model.edges()].filter((el) => el.classes.has('folded-away')).map((el) => el.id),
    'folded-away',
    false,
  );
  model.setClass([rootId], 'folded', false);
  model.setData(rootId, { folded: undefined, foldedName: undefined, foldedCount: undefined });
}

/** Writes the label of each folded root in the language of `t`. */
export function labelFolded(model: GraphModel, t: T) {
  for (const n of model.nodes())
    if (n.classes.has('folded'))
      model.setData(n.id, {
        folded: t('explorer.systemFolded', { name: String(n.data.foldedName), n: Number(n.data.foldedCount) }),
      });
}
