import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { applyDetail, type DetailState } from './drawn';
import { withParallelMarked } from './parallel';
import { drawSheet, printedPt, SHEET_MAP_AREA, type Sheet, screenZoomOfSheet, sheetFile } from './sheet';
import { LABELLED } from './style';
import type { SheetMade } from './test-hooks';
import { smallestText } from './thinning';

/** What a picture of the canvas needs beyond it: the landmarks to unname and name again, and its zoom classes. */
export interface PictureContext {
  unnameLandmarks(cy: Core): void;
  landmarksDue(cy: Core): void;
  detail: DetailState;
  stylesheet(): StylesheetJson;
  sheetMade(made: SheetMade): void;
}

/** The whole graph as a PNG, twice the screen's resolution, on white (every label in it). */
export function pngOf(c: Core, context: PictureContext): Blob {
  // the picture is drawn from near: every element needs its text, now, and landmarks their
  // usual one (a size on the screen means nothing in a picture)
  c.batch(() => {
    c.elements().not(`.${LABELLED}`).addClass(LABELLED);
    context.unnameLandmarks(c);
  });
  const png = c.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
  context.landmarksDue(c);
  return png;
}

/**
 * The whole graph on an A4 landscape sheet (see CanvasHandle.sheet); with `elements`, those are
 * drawn on a canvas of their own, out of sight, instead of the view's.
 */
export async function sheetOf(
  shown: Core,
  context: PictureContext,
  info: Sheet,
  format: 'png' | 'pdf',
  elements?: readonly ElementDefinition[],
): Promise<Blob> {
  const aside = elements ? document.createElement('div') : null;
  let c = shown;
  if (aside && elements) {
    aside.style.cssText = 'position:fixed;left:-12000px;top:0;width:1200px;height:800px;visibility:hidden';
    document.body.append(aside);
    c = cytoscape({ container: aside, style: context.stylesheet(), headless: false });
    c.add(withParallelMarked(elements));
  }
  const state = aside ? { levels: context.detail.levels, on: '' } : context.detail;
  try {
    const area = SHEET_MAP_AREA;
    // by the elements, not their text (what text shows depends on the scale)
    const box = c.elements(':visible').boundingBox({ includeLabels: false });
    const scale = Math.min(3, (0.98 * area.width) / Math.max(1, box.w), (0.98 * area.height) / Math.max(1, box.h));
    c.batch(() => {
      c.elements().not(`.${LABELLED}`).addClass(LABELLED);
      if (!aside) context.unnameLandmarks(c);
    });
    applyDetail(c, state, screenZoomOfSheet(scale));
    const smallest = smallestText(c, { everywhere: true, zoom: 1 });
    context.sheetMade({ smallestPt: smallest === null ? null : printedPt(smallest, scale), scale });
    const png = c.png({ output: 'blob', full: true, scale, bg: '#ffffff' }) as unknown as Blob;
    const picture = await createImageBitmap(png);
    return await sheetFile(drawSheet(picture, info), format, info.title);
  } finally {
    if (aside) {
      c.destroy();
      aside.remove();
    } else {
      applyDetail(c, state);
      context.landmarksDue(c);
    }
  }
}
