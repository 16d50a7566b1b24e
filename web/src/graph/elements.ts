import type { Position } from 'cytoscape';
import type { Enterprise, EnterpriseRole, Neighbourhood, Relation, RelationKind } from '../queries/enterprise';
import { type RingOptions, ringPositions } from './placement';

/** The renderer's types for what views hand their model and canvas: Cytoscape's, named here only. */
export type { ElementDefinition, Position, StylesheetJson } from 'cytoscape';

/** A node's data: the enterprise and what the stylesheet selects on. */
export interface NodeData {
  id: string;
  label: string;
  role: EnterpriseRole;
  local: boolean;
  /** Hops from the centre the graph was opened on. */
  distance: number;
  enterprise: Enterprise;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  kind: RelationKind;
  /** CONTROLS: the share, e.g. "51%"; SUPPLIES: the product. */
  label: string;
  relation: Relation;
}

export interface NodeElement {
  group: 'nodes';
  data: NodeData;
  position?: Position;
}

export interface EdgeElement {
  group: 'edges';
  data: EdgeData;
  selectable: false;
}

export interface GraphElements {
  nodes: NodeElement[];
  edges: EdgeElement[];
}

const ROLE_ORDER: Readonly<Record<EnterpriseRole, number>> = { ROOT: 0, DIRECT: 1, AFFILIATE: 2, OTHER: 3 };

/** A share from 0 to 1 as a percentage: 0.51 → "51%", 0.333 → "33.3%". */
export function shareLabel(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

export function edgeLabel(relation: Pick<Relation, 'kind' | 'share' | 'product'>): string {
  if (relation.kind === 'CONTROLS') return relation.share == null ? '控股' : shareLabel(relation.share);
  return relation.product ?? '供应';
}

/** Roots first, then direct, affiliates, others; inside the district before outside; then by short name. */
function compareNodes(a: NodeElement, b: NodeElement): number {
  return (
    a.data.distance - b.data.distance ||
    ROLE_ORDER[a.data.role] - ROLE_ORDER[b.data.role] ||
    Number(b.data.local) - Number(a.data.local) ||
    a.data.label.localeCompare(b.data.label, 'zh-CN')
  );
}

/** Maps a neighbourhood to Cytoscape element definitions, sorted, without duplicates or dangling edges. */
export function toElements(neighbourhood: Neighbourhood, distanceOffset = 0): GraphElements {
  const nodes = new Map<string, NodeElement>();
  for (const { distance, enterprise } of neighbourhood.nodes) {
    if (nodes.has(enterprise.id)) continue;
    nodes.set(enterprise.id, {
      group: 'nodes',
      data: {
        id: enterprise.id,
        label: enterprise.shortName || enterprise.name,
        role: enterprise.role,
        local: enterprise.local,
        distance: distance + distanceOffset,
        enterprise,
      },
    });
  }
  const edges = new Map<string, EdgeElement>();
  for (const relation of neighbourhood.edges) {
    if (edges.has(relation.id) || !nodes.has(relation.fromId) || !nodes.has(relation.toId)) continue;
    edges.set(relation.id, {
      group: 'edges',
      selectable: false,
      data: {
        id: relation.id,
        source: relation.fromId,
        target: relation.toId,
        kind: relation.kind,
        label: edgeLabel(relation),
        relation,
      },
    });
  }
  return { nodes: [...nodes.values()].sort(compareNodes), edges: [...edges.values()] };
}

export interface ExistingIds {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

/**
 * The part of `incoming` not yet in the graph: new nodes, and new edges whose ends are both in the graph or new.
 */
export function newElements(existing: ExistingIds, incoming: GraphElements): GraphElements {
  const nodes = incoming.nodes.filter((node) => !existing.nodeIds.has(node.data.id));
  const nodeIds = new Set(nodes.map((node) => node.data.id));
  const present = (id: string) => existing.nodeIds.has(id) || nodeIds.has(id);
  const edgeIds = new Set<string>();
  const edges = incoming.edges.filter((edge) => {
    const { id, source, target } = edge.data;
    if (existing.edgeIds.has(id) || edgeIds.has(id) || !present(source) || !present(target)) return false;
    edgeIds.add(id);
    return true;
  });
  return { nodes, edges };
}

/**
 * Gives new nodes positions on rings around their parent without touching the occupied positions, and a distance
 * one hop further than the parent's.
 */
export function placeAround(
  nodes: readonly NodeElement[],
  parent: { position: Position; distance: number },
  occupied: readonly Position[],
  options?: RingOptions,
): NodeElement[] {
  const positions = ringPositions(parent.position, nodes.length, occupied, options);
  return nodes.map((node, i) => ({
    ...node,
    data: { ...node.data, distance: parent.distance + 1 },
    position: positions[i] ?? { ...parent.position },
  }));
}
