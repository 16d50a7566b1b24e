import { toElements } from '../../graph/elements';
import { concentricPositions } from '../../graph/layouts/concentric';
import type { GraphModel } from '../../graph/model';
import type { Enterprise, Neighbourhood } from '../../queries/enterprise';

/**
 * Puts a neighbourhood in the model in place of what it held, on rings by distance from its centre
 * (the view fitted to it), the centre marked and selected. Returns the centre.
 */
export function drawNeighbourhood(
  model: GraphModel,
  neighbourhood: Neighbourhood,
): { centreId: string; centreFirm: Enterprise | null } {
  const elements = toElements(neighbourhood);
  const positions = concentricPositions(elements.nodes.map((n) => ({ id: n.data.id, distance: n.data.distance })));
  model.replace(
    [...elements.nodes.map((n) => ({ ...n, position: positions.get(n.data.id) ?? { x: 0, y: 0 } })), ...elements.edges],
    { fit: true },
  );
  const centreId = neighbourhood.centre.id;
  model.setClass([centreId], 'centre', true);
  model.select(centreId);
  const centreFirm = elements.nodes.find((n) => n.data.id === centreId)?.data.enterprise ?? null;
  return { centreId, centreFirm };
}
