import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser';

/**
 * B9, the browser side: the explorer in Debian's Chromium, against a server that `run` gives.
 * (1) From navigation to the first complete paint of a large view, layout included, with each
 * layout, and with Cytoscape's fcose at its default settings as the reference. (2) Expanding a
 * node that adds some hundred elements: the longest main-thread task meanwhile (Long Tasks API)
 * and the longest gap between two frames.
 */
export interface B9Input {
  baseUrl: string;
  centre: string;
  limit: number;
  /** (2): the one-hop view around `centre` with `limit`, and the enterprise `id` to expand in it. */
  expand: { centre: string; limit: number; id: string };
  runs: number;
}

async function paintedAt(page: Page, url: string): Promise<{ ms: number; nodes: number; edges: number }> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('chain-atlas:graph-drawn').length > 0, null, {
    timeout: 600_000,
  });
  return page.evaluate(() => ({
    ms: performance.getEntriesByName('chain-atlas:graph-drawn')[0]?.startTime ?? Number.NaN,
    nodes: window.chainAtlasGraph?.nodeIds().length ?? 0,
    edges: window.chainAtlasGraph?.edgeIds().length ?? 0,
  }));
}

/**
 * In the page, as text (a bundler's helpers must not leak into it): expands an enterprise and
 * watches the main thread meanwhile — long tasks, and the longest gap between two frames.
 */
const EXPAND_IN_PAGE = `async (key) => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  let maxGap = 0;
  let last = performance.now();
  let running = true;
  function frame(now) {
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (running) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  const started = performance.now();
  await window.chainAtlasExplorer.expand(key);
  while (performance.getEntriesByName('chain-atlas:expanded').length === 0) await new Promise((r) => setTimeout(r, 20));
  const done = performance.getEntriesByName('chain-atlas:expanded')[0].startTime - started;
  await new Promise((r) => setTimeout(r, 300));
  running = false;
  observer.disconnect();
  return { ms: done, longestTask: Math.max(0, ...tasks), longTasks: tasks.length, maxFrameGap: maxGap };
}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function measureExplorer(input: B9Input) {
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 1440, height: 900 } });
    // say why a run stopped rather than only that the page went away
    page.on('crash', () => process.stderr.write('B9: the page crashed\n'));
    page.on('pageerror', (e) => process.stderr.write(`B9: error in the page: ${e.message}\n`));
    const url = (layout: string) =>
      `${input.baseUrl}/explore?e=${input.centre}&depth=3&limit=${input.limit}&layout=${layout}`;
    const paint: Record<string, { ms: number; nodes: number; edges: number }> = {};
    for (const layout of ['concentric', 'layered', 'force', 'fcose']) {
      const times: number[] = [];
      let last = { ms: 0, nodes: 0, edges: 0 };
      // fcose takes long: fewer runs of it
      for (let i = 0; i < (layout === 'fcose' ? 1 : input.runs) + 1; i++) {
        last = await paintedAt(page, url(layout));
        if (i > 0) times.push(last.ms); // the first run warms the caches
      }
      paint[layout] = { ...last, ms: median(times) };
      process.stdout.write(`  B9 ${layout}: ${times.map((t) => Math.round(t)).join(', ')} ms\n`);
    }
    await paintedAt(page, `${input.baseUrl}/explore?e=${input.expand.centre}&depth=1&limit=${input.expand.limit}`);
    const before = await page.evaluate(() => window.chainAtlasGraph?.nodeIds().length ?? 0);
    const expand = (await page.evaluate(`(${EXPAND_IN_PAGE})(${JSON.stringify(input.expand.id)})`)) as {
      ms: number;
      longestTask: number;
      longTasks: number;
      maxFrameGap: number;
    };
    const after = await page.evaluate(() => ({
      nodes: window.chainAtlasGraph?.nodeIds().length ?? 0,
      edges: window.chainAtlasGraph?.edgeIds().length ?? 0,
    }));
    return { paint, expand: { ...expand, nodesBefore: before, ...after } };
  } finally {
    await chromium.close();
  }
}
