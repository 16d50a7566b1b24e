import type { CanvasHandle } from '../../graph/Canvas';
import type { Position } from '../../graph/elements';
import { concentricPositions } from '../../graph/layouts/concentric';
import { forcePositions } from '../../graph/layouts/force';
import { layeredPositions } from '../../graph/layouts/layered';
import type { GraphModel } from '../../graph/model';
import type { LayoutName } from '../../state/explorer-url';
import { drawnGraph } from './graph';

const FORCE_BUDGET_MS = 1500;

/**
 * Positions by the named layout, of what the model shows; the force layout runs off the main
 * thread within a time budget; fcose (a reference, see explorer-url.ts) runs on the canvas.
 */
export async function positionsFor(
  layout: LayoutName,
  model: GraphModel,
  canvas: Pick<CanvasHandle, 'fcose'> | null,
  signal: AbortSignal,
): Promise<Map<string, Position>> {
  if (layout === 'fcose') return canvas ? canvas.fcose() : new Map();
  const { nodes, edges } = drawnGraph(model);
  if (layout === 'layered') return layeredPositions(nodes, edges);
  if (layout === 'force')
    return forcePositions(nodes, edges, { budgetMs: FORCE_BUDGET_MS, initial: model.positions(), signal });
  return concentricPositions(nodes);
}

/** Moves the model's nodes to the named layout (animated when asked), then fits the view; stops once `signal` aborts. */
export async function layOut(
  layout: LayoutName,
  model: GraphModel,
  canvas: Pick<CanvasHandle, 'fcose' | 'fit'> | null,
  signal: AbortSignal,
  animate: boolean,
): Promise<void> {
  const positions = await positionsFor(layout, model, canvas, signal);
  if (signal.aborted) return;
  await model.place(positions, { animate });
  if (!signal.aborted) canvas?.fit();
}
