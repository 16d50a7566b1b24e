import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { startServer } from './server';

/**
 * The walking skeleton in a real browser: against the server started as `pnpm start` does,
 * search, open an enterprise, expand a neighbour by clicking it, and check that the graph grew
 * and nothing went wrong in the page. Screenshots land in web/e2e/screenshots/.
 */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

let server: Awaited<ReturnType<typeof startServer>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  chromium = await launchChromium();
  browser = chromium.browser;
});

afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

function watchForProblems(page: Page): string[] {
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

const nodeCount = async (page: Page) => Number(await page.getByTestId('graph-canvas').getAttribute('data-node-count'));

/** Clicks a node of the canvas where Cytoscape drew it. */
async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((nodeId) => window.chainAtlasGraph?.renderedPosition(nodeId) ?? null, id);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!at || !box) throw new Error(`node ${id} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

it('searches, opens an enterprise, expands a neighbour and grows the graph', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems = watchForProblems(page);
  await page.goto(server.url);
  await expect.poll(() => page.title()).toContain('链图');

  await page.getByTestId('search-input').fill('长江');
  const results = page.getByTestId('search-result');
  await results.first().waitFor();
  expect(await results.count()).toBeGreaterThan(1);
  await results.filter({ hasText: '长江商贸' }).first().click();

  await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBeGreaterThan(1);
  const before = await nodeCount(page);
  await expect.poll(() => page.getByTestId('details-panel').textContent()).toContain('长江商贸');
  await page.screenshot({ path: `${SHOTS}explorer-opened.png` });

  // Click a neighbour (not the centre) to select it, then expand it.
  const centreId = await page.evaluate(() => window.chainAtlasGraph?.nodeIds()[0] ?? '');
  const neighbourIds = await page.evaluate(() => window.chainAtlasGraph?.nodeIds() ?? []);
  let grew = false;
  for (const id of neighbourIds.filter((x) => x !== centreId)) {
    await clickNode(page, id);
    await page.getByTestId('expand-button').click();
    await expect.poll(() => page.getByTestId('expand-button').textContent(), { timeout: 10_000 }).toContain('已展开');
    if ((await nodeCount(page)) > before) {
      grew = true;
      break;
    }
  }
  expect(grew).toBe(true);
  const after = await nodeCount(page);
  expect(after).toBeGreaterThan(before);
  expect(await page.getByTestId('graph-stats').textContent()).toContain(`节点 ${after}`);
  await page.screenshot({ path: `${SHOTS}explorer-expanded.png` });

  expect(problems).toEqual([]);
  await page.close();
});

it('offers GraphiQL at /graphql, which runs the README query', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const problems = watchForProblems(page);
  await page.goto(`${server.url}/graphql`);
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 15_000 }).toContain('商贸物流');
  await page.screenshot({ path: `${SHOTS}graphiql.png` });
  expect(problems).toEqual([]);
  await page.close();
});
