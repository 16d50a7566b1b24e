import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startServer, type TestToken } from './server';

/** Screenshots of every browser test land in web/e2e/screenshots/, to be looked at. */
export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * The tokens every test server knows. Made up for the tests; none is ever in a URL or in the
 * console (watchForProblems says so if one is).
 */
export const TOKENS = {
  analyst: { name: '张三', role: 'analyst', token: 'ca_e2e-analyst-Zq8vN3kW5pT1xY7mR2dL9sF4hJ6b' },
  viewer: { name: '李四', role: 'viewer', token: 'ca_e2e-viewer-Hc4tG8nQ1wE5rU9iO3pA7sD2fK6l' },
  editor: { name: '王五', role: 'editor', token: 'ca_e2e-editor-Pk5rT9wB2mX6vN1cQ8zL3hY7gD4' },
  admin: { name: 'e2e-admin', role: 'admin', token: 'ca_e2e-admin-Mb3vC7xZ1nL5kJ9hG2fD6sA4qW8e' },
} as const satisfies Record<string, TestToken>;
const SECRETS = Object.values(TOKENS).map((t) => t.token);

/**
 * One server (started as `pnpm start` does, on a fresh data directory — the demo data, or what
 * `options.data` names — knowing TOKENS) and one
 * Chromium for a test file; pages that record every console error, page error and failed
 * response, and any token seen in a request's URL or in the console.
 */
export function browserHarness(options: Parameters<typeof startServer>[1] = {}) {
  let server: Awaited<ReturnType<typeof startServer>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(Object.values(TOKENS), options);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });
  return {
    url: (path = '/') => `${server.url}${path}`,
    browser: (): Browser => chromium.browser,
    /** Posts a query to the test server's API from the test (not the page), with a token or none. */
    async api<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      token?: string,
    ): Promise<{ data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<{ data?: T | null; errors?: { message: string }[] }>;
    },
    async page(): Promise<{ page: Page; problems: string[] }> {
      const page = await chromium.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      return { page, problems: watchForProblems(page) };
    },
  };
}

export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  const secret = (text: string) => SECRETS.some((token) => text.includes(token));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (secret(message.text())) problems.push(`a token in the console (${message.type()})`);
  });
  page.on('request', (request) => {
    if (secret(request.url())) problems.push(`a token in the URL of a request to ${new URL(request.url()).pathname}`);
  });
  page.on('framenavigated', (frame) => {
    if (secret(frame.url())) problems.push('a token in the address bar');
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return problems;
}

/**
 * Signs in through the page's header: 登录, the token pasted, Enter; waits until the header names
 * the caller (and the form has closed).
 */
export async function signIn(page: Page, token: string = TOKENS.analyst.token): Promise<void> {
  await page.getByTestId('sign-in').click();
  await page.getByTestId('token-input').fill(token);
  await page.keyboard.press('Enter');
  await page.getByTestId('account-who').waitFor();
  await page.getByTestId('sign-in-dialog').waitFor({ state: 'hidden' });
}

export const nodeCount = async (page: Page) =>
  Number(await page.getByTestId('graph-canvas').getAttribute('data-node-count'));

/** Where Cytoscape draws a node, in the canvas's pixels (null when it is not drawn). */
export const renderedPosition = (page: Page, id: string) =>
  page.evaluate((nodeId) => window.chainAtlasGraph?.renderedPosition(nodeId) ?? null, id);

/** Clicks a node of the canvas where Cytoscape drew it. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const at = await renderedPosition(page, id);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!at || !box) throw new Error(`node ${id} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

/**
 * A spot of the graph's canvas, in its own pixels, that no firm covers (50 px around each) and, if
 * asked, no link crosses (20 px either side): a press there is on the background (a press on a
 * link pans the view as the background does, but marks no selection). Searched row by row from the
 * top left; null if there is none.
 */
export const emptySpot = (page: Page, { awayFromLinks = false }: { awayFromLinks?: boolean } = {}) =>
  page.evaluate((awayFromLinks) => {
    const g = window.chainAtlasGraph;
    const canvas = document.querySelector('[data-testid="graph-canvas"]')?.getBoundingClientRect();
    if (!g || !canvas) return null;
    const at = (id: unknown) => (typeof id === 'string' ? g.renderedPosition(id) : null);
    const firms = g.nodeIds().flatMap((id) => at(id) ?? []);
    const links = (awayFromLinks ? g.edgeIds() : []).flatMap((id) => {
      const [a, b] = [at(g.data(id)?.source), at(g.data(id)?.target)];
      return a && b ? [[a, b] as const] : [];
    });
    /** How far a point is from the segment a–b. */
    const off = (x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }) => {
      const [dx, dy] = [b.x - a.x, b.y - a.y];
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(a.x + t * dx - x, a.y + t * dy - y);
    };
    for (let y = 40; y < canvas.height - 40; y += 20)
      for (let x = 40; x < canvas.width - 40; x += 20)
        if (firms.every((p) => Math.hypot(p.x - x, p.y - y) > 50) && links.every(([a, b]) => off(x, y, a, b) > 20))
          return { x, y };
    return null;
  }, awayFromLinks);

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
