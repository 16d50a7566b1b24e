import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startServer } from './server';

/** Screenshots of every browser test land in web/e2e/screenshots/, to be looked at. */
export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * One server (started as `pnpm start` does, on a fresh data directory) and one Chromium for a
 * test file; pages that record every console error, page error and failed response.
 */
export function browserHarness() {
  let server: Awaited<ReturnType<typeof startServer>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });
  return {
    url: (path = '/') => `${server.url}${path}`,
    browser: (): Browser => chromium.browser,
    async page(): Promise<{ page: Page; problems: string[] }> {
      const page = await chromium.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      return { page, problems: watchForProblems(page) };
    },
  };
}

export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return problems;
}

export const nodeCount = async (page: Page) =>
  Number(await page.getByTestId('graph-canvas').getAttribute('data-node-count'));

/** Clicks a node of the canvas where Cytoscape drew it. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((nodeId) => window.chainAtlasGraph?.renderedPosition(nodeId) ?? null, id);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!at || !box) throw new Error(`node ${id} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

export const graphNodeIds = (page: Page) => page.evaluate(() => window.chainAtlasGraph?.nodeIds() ?? []);
export const modelPosition = (page: Page, id: string) =>
  page.evaluate((nodeId) => window.chainAtlasGraph?.position(nodeId) ?? null, id);

/** Holds every API answer back by `ms`: the user can act while the server is still answering. */
export async function slowApi(page: Page, ms: number): Promise<void> {
  await page.route('**/graphql', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

/** Every node's model position, rounded to a tenth of a pixel, by id. */
export async function positions(page: Page): Promise<Record<string, string>> {
  const ids = await graphNodeIds(page);
  const out: Record<string, string> = {};
  for (const id of ids) {
    const p = await modelPosition(page, id);
    out[id] = p ? `${p.x.toFixed(1)},${p.y.toFixed(1)}` : 'none';
  }
  return out;
}
