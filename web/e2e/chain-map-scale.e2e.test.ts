import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SHEET } from '../src/graph/sheet';
import { MIN_SCREEN_PX } from '../src/views/chains/map-geometry';
import { browserHarness, SHOTS } from './harness';
import { LARGE_CHAIN, largeChainRows, writeLargeChain } from './large-chain';

/** The chain map at the size of real chains (60 segments) and of the demo's, on a laptop's screen. */
const DEMO = fileURLToPath(new URL('../../seeds/data/', import.meta.url));
const h = browserHarness({ data: (root) => [DEMO, writeLargeChain(join(root, 'large-chain'))] });

/** What the map shows once drawn: each segment's title as drawn, firms named, the smallest text, the zoom. */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const g = window.chainAtlasGraph;
    if (!g) return null;
    const canvas = document.querySelector('[data-testid="graph-canvas"]')?.getBoundingClientRect();
    const ids = g.nodeIds();
    const segments = ids.filter((id) => id.startsWith('segment|'));
    const inView = (id: string) => {
      const p = g.renderedPosition(id);
      return !!p && !!canvas && p.x >= 0 && p.y >= 0 && p.x <= canvas.width && p.y <= canvas.height;
    };
    return {
      zoom: g.zoom(),
      labelPx: g.labelPx(),
      segments: segments.length,
      titled: segments.filter((id) => g.drawnLabel(id) && inView(id)).length,
      titlePx: Math.min(...segments.map((id) => g.drawnLabel(id)?.px ?? 0)),
      firmsNamed: ids.filter((id) => id.startsWith('firm|') && g.drawnLabel(id)).length,
      summaries: ids.filter((id) => id.startsWith('summary|') && g.drawnLabel(id)).length,
    };
  });
}

async function openMap(page: Page, chain: string) {
  await page.goto(h.url(`/chains/${chain}`));
  await expect
    .poll(() => page.evaluate(() => window.chainAtlasGraph?.labelPx() ?? null), { timeout: 15_000 })
    .not.toBeNull();
}

it('fits a 60-segment chain in a laptop’s view with every title and name at 9 px or more', async () => {
  const { page, problems } = await h.page();
  await openMap(page, LARGE_CHAIN.id);
  const segments = largeChainRows().segments?.length ?? 0;
  expect(segments).toBe(60);
  const fit = await drawn(page);
  expect(fit?.segments).toBe(segments);
  // every segment's card, with its title, in view; no text under 9 px; the firms as text, with counts
  expect(fit?.titled).toBe(segments);
  expect(fit?.labelPx).toBeGreaterThanOrEqual(MIN_SCREEN_PX);
  expect(fit?.titlePx).toBeGreaterThanOrEqual(MIN_SCREEN_PX);
  expect(fit?.summaries).toBe(segments);
  await page.screenshot({ path: `${SHOTS}chain-map-60-fit.png` });
  // nearer, the firms are named one by one, and still nothing is under 9 px
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  for (let i = 0; i < 20 && ((await drawn(page))?.firmsNamed ?? 0) === 0; i++) {
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(250);
  }
  const near = await drawn(page);
  expect(near?.firmsNamed).toBeGreaterThan(0);
  expect(near?.labelPx).toBeGreaterThanOrEqual(MIN_SCREEN_PX);
  await page.screenshot({ path: `${SHOTS}chain-map-60-near.png` });
  expect(problems).toEqual([]);
  await page.close();
});

it('exports the 60-segment chain map as an A4 landscape sheet, readable on paper, as PNG and PDF', async () => {
  const { page, problems } = await h.page();
  await openMap(page, LARGE_CHAIN.id);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(png.suggestedFilename()).toBe(`${LARGE_CHAIN.name} · 产业链全景图.png`);
  const file = `${SHOTS}chain-map-60-sheet.png`;
  await png.saveAs(file);
  const bytes = readFileSync(file);
  // A4 landscape at 200 dpi
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([SHEET.width, SHEET.height]);
  // every text on it prints at 6.75 pt or more (9 px on a screen)
  const sheet = await page.evaluate(() => window.chainAtlasGraph?.lastSheet() ?? null);
  expect(sheet?.smallestPt).toBeGreaterThanOrEqual(6.75);
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  const pdfText = readFileSync(await pdf.path()).toString('latin1');
  expect(pdfText.startsWith('%PDF-1.4')).toBe(true);
  expect(pdfText).toContain('/MediaBox [0 0 841.89 595.28]');
  expect(pdfText.trimEnd().endsWith('%%EOF')).toBe(true);
  // the view is as it was: nothing under 9 px
  expect(await page.evaluate(() => window.chainAtlasGraph?.labelPx())).toBeGreaterThanOrEqual(MIN_SCREEN_PX);
  expect(problems).toEqual([]);
  await page.close();
});

it('opens the demo’s chain map with its firms named at 9 px or more', async () => {
  const { page, problems } = await h.page();
  await openMap(page, 'logistics');
  const fit = await drawn(page);
  expect(fit?.titled).toBe(fit?.segments);
  expect(fit?.firmsNamed).toBeGreaterThan(0);
  expect(fit?.labelPx).toBeGreaterThanOrEqual(MIN_SCREEN_PX);
  await page.screenshot({ path: `${SHOTS}chain-map-demo-fit.png` });
  expect(problems).toEqual([]);
  await page.close();
});
