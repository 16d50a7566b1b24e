import type { Dataset } from '../../domain/model';
import type { Manifest } from './data-dir';

/**
 * V8's Map holds at most 2^24 entries: the graph keeps its enterprises in one, and a compaction
 * (Fold) keeps the relationships by key in one.
 */
export const MAP_LIMIT = 2 ** 24;

/** A clear error before loading, not a RangeError half-way, when the graph would not fit. */
export function checkManifestCapacity(path: string, manifest: Manifest): void {
  let nodes = 0;
  let edges = 0;
  for (const s of manifest.segments) {
    nodes += s.rows.enterprises;
    edges += s.rows.controls + s.rows.supplies;
  }
  refuseOver(path, nodes, edges, 'holds up to');
}

/** The same before a commit: the graph as it is and the rows it would add. */
export function checkCapacity(path: string, size: { enterprises: number; relationships: number }, data: Dataset): void {
  const nodes = size.enterprises + data.enterprises.length;
  const edges = size.relationships + data.controls.length + data.supplies.length;
  refuseOver(path, nodes, edges, 'would hold up to');
}

function refuseOver(path: string, nodes: number, edges: number, verb: string): void {
  for (const [count, what] of [
    [nodes, 'enterprises'],
    [edges, 'relationships between enterprises'],
  ] as const) {
    if (count > MAP_LIMIT) {
      throw new Error(
        `The embedded store in ${path} ${verb} ${count.toLocaleString('en')} ${what}; it can hold at most ` +
          `${MAP_LIMIT.toLocaleString('en')} (the entry limit of a JavaScript Map). Use Neo4j for a graph this large (set NEO4J_URI).`,
      );
    }
  }
}
