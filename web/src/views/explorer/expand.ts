import type { CanvasHandle } from '../../graph/Canvas';
import { newElements, placeAround, toElements } from '../../graph/elements';
import type { GraphModel } from '../../graph/model';
import type { Neighbourhood } from '../../queries/enterprise';
import { occupied } from './graph';

/**
 * Adds a firm's neighbourhood beside it: the firms not there yet on rings around it (the rest of
 * the graph stays where it is), and the links not there yet. What is added comes into view
 * (zooming out, if it must, unless `widen` is false), then goes in in slices, a frame apart: a few
 * hundred elements at once would hold the page. Returns how many elements came, and whether the
 * neighbourhood was cut short.
 */
export async function expandAround(
  model: GraphModel,
  canvas: Pick<CanvasHandle, 'widenTo'> | null,
  parentId: string,
  neighbourhood: Neighbourhood,
  alive: () => boolean,
  widen = true,
): Promise<{ nodes: number; truncated: boolean }> {
  const fresh = newElements(
    { nodeIds: new Set(model.nodes().map((n) => n.id)), edgeIds: new Set(model.edges().map((e) => e.id)) },
    toElements(neighbourhood),
  );
  const placed = placeAround(
    fresh.nodes,
    { position: model.position(parentId) ?? { x: 0, y: 0 }, distance: Number(model.data(parentId)?.distance) },
    occupied(model),
  );
  if (widen) await canvas?.widenTo(placed);
  await model.add([...placed, ...fresh.edges], alive);
  return { nodes: placed.length + fresh.edges.length, truncated: neighbourhood.truncated };
}
