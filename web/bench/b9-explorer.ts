import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser';

/**
 * B9, the browser side: the explorer in Debian's Chromium, against a server that `run` gives.
 * (1) From navigation to the first complete paint of a large view, layout included, with each
 * layout, and with Cytoscape's fcose at its default settings as the reference. (2) Expanding a
 * node that adds some hundred elements: the longest main-thread task meanwhile (Long Tasks API)
 * and the longest gap between two frames. (3) The same of zooming the large view in with the
 * wheel, from far to near enough for every name.
 */
export interface B9Input {
  baseUrl: string;
  centre: string;
  limit: number;
  /** (2): the one-hop view around `centre` with `limit`, and the enterprise `id` to expand in it. */
  expand: { centre: string; limit: number; id: string };
  runs: number;
  /** Expansions timed, each from a fresh load of the small view. */
  expandRuns: number;
  /** Zoomings in timed, each from a fresh load of the large view; 0: no zooming at all. */
  zoomRuns: number;
  /** A first load, expansion and zoom that warm the caches, untimed (default); false: none. */
  warmUp?: boolean;
}

/**
 * Waits for the graph's drawn mark by asking over CDP, ten times a second, from outside the page.
 * Playwright's own waiting (waitForFunction, even a first page.evaluate) installs its scripts in
 * the page and polls on every frame: 50–130 ms of work on the page's main thread, inside the
 * interval being timed, that no user's browser does.
 */
async function drawnIn(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const expression = "performance.getEntriesByName('chain-atlas:graph-drawn').length";
  const ask = () =>
    cdp.send('Runtime.evaluate', { expression, returnByValue: true }).then(
      ({ result }) => result.value as number,
      (error: Error) => {
        // between two documents there is no context to ask in: not drawn yet; anything else
        // (the page crashed or closed) ends the wait
        if (/context/i.test(error.message)) return 0;
        throw error;
      },
    );
  // a page that no longer answers at all ends it too
  const within = <T>(ms: number, answer: Promise<T>) =>
    Promise.race([
      answer,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`B9: the page did not answer within ${ms / 1000} s`)), ms).unref(),
      ),
    ]);
  try {
    for (const until = Date.now() + 600_000; Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if ((await within(60_000, ask())) > 0) return;
    }
    throw new Error('B9: the graph was not drawn within 10 minutes');
  } finally {
    // gone with the page, if the page is gone: the error that ended the wait is the one to see
    await cdp.detach().catch(() => {});
  }
}

/** One load of the view: from a blank page (a shared link opened), to the frame after the graph is drawn. */
async function paintedAt(page: Page, url: string): Promise<Painted> {
  // a blank, idle tab first: tearing down the view before (2,000 elements, then collecting its
  // garbage) is not this view's work, and went on well into the next navigation
  await page.goto('about:blank');
  await page.waitForTimeout(1_000);
  await page.goto(url, { waitUntil: 'commit' });
  await drawnIn(page);
  return page.evaluate(() => ({
    ms: performance.getEntriesByName('chain-atlas:graph-drawn')[0]?.startTime ?? Number.NaN,
    dataMs: performance.getEntriesByName('chain-atlas:graph-data')[0]?.startTime ?? Number.NaN,
    nodes: window.chainAtlasGraph?.nodeIds().length ?? 0,
    edges: window.chainAtlasGraph?.edgeIds().length ?? 0,
  }));
}

/**
 * In the page, as text, before its own scripts: marks the explorer's moments it is told of (see
 * web/src/views/explorer/moments.ts) as `chain-atlas:<moment>`. The data's coming is marked at
 * once; a graph or an expansion handed to the canvas at the start of the frame after the next one:
 * Cytoscape draws what changed in the next frame, so by then the drawing has been handed to the
 * screen. Nothing is drawn for the mark's sake. The mark takes that frame's own time: its callback
 * may run later, behind other work queued meanwhile (the details panel's rendering, after the
 * first drawing of a large view).
 */
const MARKS_IN_PAGE = `window.chainAtlasMoment = (moment) => {
  const name = 'chain-atlas:' + moment;
  if (moment === 'graph-data') performance.mark(name);
  else requestAnimationFrame(() => requestAnimationFrame((frameTime) => performance.mark(name, { startTime: frameTime })));
};`;

/**
 * In the page, as text (a bundler's helpers must not leak into it): starts watching the main
 * thread — long tasks, and the longest gap between two frames — until `window.b9Watched()` is
 * called, which stops and answers the figures.
 */
const WATCH_IN_PAGE = `(() => {
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
  window.b9Watched = () => {
    running = false;
    observer.disconnect();
    return { longestTask: Math.max(0, ...tasks), longTasks: tasks.length, maxFrameGap: maxGap };
  };
})()`;

/** In the page, as text: expands an enterprise, watching the main thread meanwhile. */
const EXPAND_IN_PAGE = `async (key) => {
  ${WATCH_IN_PAGE};
  const started = performance.now();
  await window.chainAtlasExplorer.expand(key);
  while (performance.getEntriesByName('chain-atlas:expanded').length === 0) await new Promise((r) => setTimeout(r, 20));
  const done = performance.getEntriesByName('chain-atlas:expanded')[0].startTime - started;
  await new Promise((r) => setTimeout(r, 300));
  return { ms: done, ...window.b9Watched() };
}`;

/** The main thread while something ran: its longest task, how many went over 50 ms, the longest frame gap. */
interface Watched {
  longestTask: number;
  longTasks: number;
  maxFrameGap: number;
}

/** Zooming in with the wheel: from what zoom to what, in how many steps, and until every firm in view had its text. */
interface Zoomed extends Watched {
  from: number;
  to: number;
  steps: number;
  ms: number;
}

/** Where zooming in stops: well past `LABEL_ZOOM` (0.5), from which every firm in view gets its text. */
const ZOOM_TO = 0.8;

/**
 * Zooms the large view in with the mouse wheel over its middle, from where it opens (far: only its
 * landmarks named) to `ZOOM_TO`, a step every 50 ms as a hand on a wheel does, and waits until
 * every firm in view has its text; watches the main thread meanwhile. The steps and the zoom are
 * sent and read over CDP: Playwright's own waiting would run scripts in the page.
 */
async function zoomIn(page: Page, url: string): Promise<Zoomed> {
  await paintedAt(page, url);
  await page.waitForTimeout(500);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('B9: the explorer has no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const cdp = await page.context().newCDPSession(page);
  const ask = async <T>(expression: string) =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value as T;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    const zoom = () => ask<number>('window.chainAtlasGraph.zoom()');
    const from = await zoom();
    await ask(WATCH_IN_PAGE);
    const started = performance.now();
    let steps = 0;
    for (; steps < 200 && (await zoom()) < ZOOM_TO; steps++) {
      await page.mouse.wheel(0, -100);
      await pause(50);
    }
    // (each asking scans the nodes on the page's main thread: well under a ms for this view)
    while ((await ask<number>('window.chainAtlasGraph.unlabelledInView()')) > 0) await pause(50);
    const ms = performance.now() - started;
    const to = await zoom();
    await pause(300);
    return { from, to, steps, ms, ...(await ask<Watched>('window.b9Watched()')) };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** One expansion: how long it took, the main thread meanwhile; the counts. */
interface Expanded extends Watched {
  ms: number;
  nodesBefore: number;
  nodes: number;
  edges: number;
}

/** Navigation → drawn, and navigation → the graph's data in the page (the rest is drawing). */
type Painted = { ms: number; dataMs: number; nodes: number; edges: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The run whose longest task is the median of the runs'. */
const medianRun = <T extends Watched>(runs: readonly T[]) =>
  [...runs].sort((a, b) => a.longestTask - b.longestTask)[Math.floor(runs.length / 2)] as T;

export async function measureExplorer(input: B9Input) {
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(MARKS_IN_PAGE);
    // say why a run stopped rather than only that the page went away
    page.on('crash', () => process.stderr.write('B9: the page crashed\n'));
    page.on('pageerror', (e) => process.stderr.write(`B9: error in the page: ${e.message}\n`));
    const url = (layout: string) =>
      `${input.baseUrl}/explore?e=${input.centre}&depth=3&limit=${input.limit}&layout=${layout}`;
    const paint: Record<string, Painted> = {};
    const warm = input.warmUp === false ? 0 : 1;
    for (const layout of ['concentric', 'layered', 'force', 'fcose']) {
      const runs: Painted[] = [];
      // fcose takes long: fewer runs of it
      for (let i = 0; i < (layout === 'fcose' ? 1 : input.runs) + warm; i++) {
        const run = await paintedAt(page, url(layout));
        if (i >= warm) runs.push(run); // the first run warms the caches
      }
      const last = runs[runs.length - 1] as Painted;
      paint[layout] = { ...last, ms: median(runs.map((r) => r.ms)), dataMs: median(runs.map((r) => r.dataMs)) };
      process.stdout.write(`  B9 ${layout}: ${runs.map((r) => Math.round(r.ms)).join(', ')} ms\n`);
    }
    // the expansion, from a fresh load of the small view each time: its longest task is one
    // figure of one run, at the mercy of a collection or the host's other guests; the figure is
    // the run with the median longest task, and every run's is given. As for the paints, the
    // first run (the server's first of that view and expansion) warms the caches
    const expansions: Expanded[] = [];
    for (let i = 0; i < input.expandRuns + warm; i++) {
      await paintedAt(page, `${input.baseUrl}/explore?e=${input.expand.centre}&depth=1&limit=${input.expand.limit}`);
      const before = await page.evaluate(() => window.chainAtlasGraph?.nodeIds().length ?? 0);
      const run = (await page.evaluate(`(${EXPAND_IN_PAGE})(${JSON.stringify(input.expand.id)})`)) as Omit<
        Expanded,
        'nodesBefore' | 'nodes' | 'edges'
      >;
      const after = await page.evaluate(() => ({
        nodes: window.chainAtlasGraph?.nodeIds().length ?? 0,
        edges: window.chainAtlasGraph?.edgeIds().length ?? 0,
      }));
      if (i >= warm) expansions.push({ ...run, nodesBefore: before, ...after });
    }
    // zooming in, from a fresh load each time, after a run that warms the caches
    const zooms: Zoomed[] = [];
    for (let i = 0; input.zoomRuns > 0 && i < input.zoomRuns + warm; i++) {
      const run = await zoomIn(page, url('concentric'));
      if (i >= warm) zooms.push(run);
    }
    return {
      paint,
      expand: medianRun(expansions),
      expandRuns: expansions.map((x) => x.longestTask),
      zoom: zooms.length > 0 ? medianRun(zooms) : undefined,
      zoomRuns: zooms.map((x) => x.longestTask),
    };
  } finally {
    await chromium.close();
  }
}
