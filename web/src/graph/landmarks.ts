/**
 * Landmarks: the few firms named at every zoom. A large view is seen from too far for its names
 * (see `LABEL_ZOOM`), and a cloud of dots says nothing to someone who looks rather than reads: the
 * centre, the firm selected and the roots of enterprise systems keep their names there, drawn at
 * one size on the screen whatever the zoom, as many as fit without covering one another. (While
 * the view is panned or zoomed, a picture of it moves, names and all: the names take their size
 * again when the gesture ends.)
 */

import { NODE_FONT_PX } from './style';

/** The size of a landmark's name on the screen, in CSS pixels, while the view is zoomed out. */
export const LANDMARK_PX = 13;

/** The zoom from which every firm's own name is at least as large as a landmark's: none is named from here on. */
export const LANDMARKS_UNTIL_ZOOM = LANDMARK_PX / NODE_FONT_PX;

/** Screen pixels between a landmark and its name, and around the name's background. */
const GAP_PX = 3;
const PADDING_PX = 2;

export interface LandmarkCandidate {
  id: string;
  /** The node's centre and radius, in the graph's own coordinates. */
  x: number;
  y: number;
  radius: number;
  text: string;
}

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlap = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The candidates, taken in the order given, whose names, drawn `LANDMARK_PX` high below them at
 * this zoom, cover neither a name nor a landmark taken before, and whose node is covered by no name
 * taken before (a landmark is drawn over other firms, not over other landmarks). `width` is a
 * text's width on the screen at that size. Panning moves all names alike, so only the zoom decides.
 */
export function fittingLandmarks(
  candidates: readonly LandmarkCandidate[],
  zoom: number,
  width: (text: string) => number,
): string[] {
  const names: Rect[] = [];
  const nodes: Rect[] = [];
  const ids: string[] = [];
  for (const c of candidates) {
    const x = c.x * zoom;
    const y = c.y * zoom;
    const r = c.radius * zoom;
    const half = width(c.text) / 2 + PADDING_PX;
    const top = y + r + GAP_PX - PADDING_PX;
    const name = { x1: x - half, y1: top, x2: x + half, y2: top + LANDMARK_PX + 2 * PADDING_PX };
    const node = { x1: x - r, y1: y - r, x2: x + r, y2: y + r };
    const covered = (taken: Rect) => overlap(taken, name);
    if (names.some(covered) || nodes.some(covered) || names.some((taken) => overlap(taken, node))) continue;
    names.push(name);
    nodes.push(node);
    ids.push(c.id);
  }
  return ids;
}

/**
 * The style a landmark's name gets at this zoom, set on the node itself (a style bypass): the same
 * size on the screen at every zoom, which no stylesheet rule can say.
 */
export function landmarkStyle(zoom: number) {
  return {
    'font-size': LANDMARK_PX / zoom,
    'text-margin-y': GAP_PX / zoom,
    'text-background-padding': `${PADDING_PX / zoom}px`,
  };
}

export const LANDMARK_STYLE_PROPERTIES = Object.keys(landmarkStyle(1)).join(' ');

/** What a landmark's test can ask of a node: its classes, whether it is selected, its data. */
export interface RankedNode {
  hasClass(className: string): boolean;
  selected(): boolean;
  data(key: string): unknown;
}

/** A test a node passes to be named at every zoom (see Canvas's `landmarks`). */
export type LandmarkTest = (node: RankedNode) => boolean;
