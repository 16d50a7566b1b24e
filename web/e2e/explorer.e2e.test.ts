import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { LAST_VIEW_KEY } from '../src/state/explorer-start';
import {
  browserHarness,
  clickNode,
  graphNodeIds,
  modelPosition,
  nodeCount,
  positions,
  SHOTS,
  slowApi,
} from './harness';

/** The enterprise explorer in a real browser, as a chain leader uses it. */
const h = browserHarness();
const ROOT = '91420103T375845494'; // 长江商贸
const LARGEST = '91420103F63089507H'; // 楚天生态: 14 direct enterprises (as three others), 113 affiliates (the most)
const XINGTU = '914201037459613918'; // 星图智能

it('finds an enterprise by pinyin initials, opens it, and expands a neighbour beside it without moving the others', async () => {
  const { page, problems } = await h.page();
  // no firm named: the explorer opens on the district's largest system; search another
  await page.goto(h.url('/explore'));
  await expect.poll(() => new URL(page.url()).searchParams.get('e')).toBe(LARGEST);
  await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBeGreaterThan(1);
  await page.getByTestId('search-input').fill('cjsm');
  await page.getByTestId('search-result').first().waitFor();
  expect(await page.getByTestId('search-result').first().textContent()).toContain('长江商贸');
  await page.keyboard.press('Enter');
  await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBeGreaterThan(1);
  expect(new URL(page.url()).searchParams.get('e')).toBe(ROOT);
  await expect.poll(() => page.getByTestId('details-panel').textContent()).toContain('91420103T375845494');
  await page.screenshot({ path: `${SHOTS}explorer-opened.png` });

  const ids = await graphNodeIds(page);
  const before = new Map(await Promise.all(ids.map(async (id) => [id, await modelPosition(page, id)] as const)));
  let grew = false;
  for (const id of ids.slice(1)) {
    await clickNode(page, id);
    await page.getByTestId('expand-button').click();
    await expect.poll(() => page.getByTestId('expand-button').textContent(), { timeout: 10_000 }).toContain('已展开');
    if ((await nodeCount(page)) > ids.length) {
      grew = true;
      break;
    }
  }
  expect(grew).toBe(true);
  for (const [id, position] of before) expect(await modelPosition(page, id), id).toEqual(position);
  // the URL takes the expansion a frame after the graph has drawn it
  await expect.poll(() => new URL(page.url()).searchParams.get('x')).toBeTruthy();
  await page.screenshot({ path: `${SHOTS}explorer-expanded.png` });
  // the URL holds the view: a reload draws the same graph
  const count = await nodeCount(page);
  await page.reload();
  await expect.poll(() => nodeCount(page), { timeout: 15_000 }).toBe(count);
  expect(problems).toEqual([]);
  await page.close();
});

it('filters by depth, kind, local or outside and segment, lays out three ways, folds a system and exports a PNG', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/explore?e=${ROOT}&depth=2`));
  await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBeGreaterThan(20);
  const all = await nodeCount(page);
  const visible = () => page.evaluate(() => window.chainAtlasGraph?.visibleNodeCount() ?? 0);

  await page.getByTestId('show').selectOption('outside');
  await expect.poll(visible).toBeLessThan(all);
  await page.getByTestId('show').selectOption('all');
  await expect.poll(visible).toBe(all);

  await page.getByTestId('kind-SUPPLIES').uncheck();
  await expect.poll(() => new URL(page.url()).searchParams.get('kinds')).toBe('CONTROLS');
  await expect.poll(() => nodeCount(page)).toBeLessThan(all);
  await page.getByTestId('kind-SUPPLIES').check();
  await expect.poll(() => nodeCount(page)).toBe(all);

  for (const layout of ['layered', 'force', 'concentric'] as const) {
    await page.getByTestId('layout').selectOption(layout);
    await expect.poll(() => page.getByText('布局计算中…').count(), { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}explorer-layout-${layout}.png` });
  }

  // fold 长江商贸's system into one node, then open it again
  await page.getByTestId('fold-button').click();
  await expect.poll(visible).toBeLessThan(all);
  expect(new URL(page.url()).searchParams.get('fold')).toBe(ROOT);
  await page.screenshot({ path: `${SHOTS}explorer-folded.png` });
  await page.getByTestId('fold-button').click();
  await expect.poll(visible).toBe(all);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  expect(problems).toEqual([]);
  await page.close();
});

/** Waits until no layout runs and the last animation (350 ms) is over. */
async function settled(page: Page) {
  await expect.poll(() => page.getByTestId('graph-loading').count(), { timeout: 15_000 }).toBe(0);
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: '布局计算中…' }).count(), { timeout: 10_000 })
    .toBe(0);
  await page.waitForTimeout(600);
}

it('keeps the canvas and the URL in step with a user quicker than the server', async () => {
  const { page, problems } = await h.page();
  const view = `/explore?e=${ROOT}&depth=2`;
  // the drawings to expect: concentric and layered, each after a plain load
  await page.goto(h.url(view));
  await settled(page);
  const concentric = await positions(page);
  await page.goto(h.url(`${view}&layout=layered`));
  await settled(page);
  const layered = await positions(page);
  expect(layered).not.toEqual(concentric);

  // a layout picked while the graph loads is the one drawn
  await slowApi(page, 700);
  await page.goto(h.url(view));
  await page.getByTestId('graph-loading').waitFor();
  await page.getByTestId('layout').selectOption('layered');
  await settled(page);
  expect(new URL(page.url()).searchParams.get('layout')).toBe('layered');
  expect(await positions(page)).toEqual(layered);

  // force, then at once concentric: the force run is dropped, concentric is drawn
  await page.getByTestId('layout').selectOption('force');
  await page.getByTestId('layout').selectOption('concentric');
  await page.waitForTimeout(2_000); // the force layout's budget, had it not been stopped
  await settled(page);
  expect(await positions(page)).toEqual(concentric);

  // two expansions under way at once: both stay in the URL
  const keys = await page.evaluate(() => {
    const g = window.chainAtlasGraph;
    return (g?.nodeIds() ?? [])
      .map((id) => (g?.data(id)?.enterprise as { key: string; role: string } | undefined) ?? null)
      .filter((e) => e && e.key !== '91420103T375845494')
      .slice(0, 2)
      .map((e) => e?.key as string);
  });
  expect(keys).toHaveLength(2);
  await page.evaluate((both) => Promise.all(both.map((key) => window.chainAtlasExplorer?.expand(key))), keys);
  await expect.poll(() => new URL(page.url()).searchParams.get('x')?.split(',').sort()).toEqual([...keys].sort());
  expect(problems).toEqual([]);
  await page.close();
});

it('folds a system from one of its members, selects the root, and relabels it in English', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/explore?e=${ROOT}`));
  await settled(page);
  const byName = (name: string) =>
    page.evaluate((shortName) => {
      const g = window.chainAtlasGraph;
      return (g?.nodeIds() ?? []).find(
        (id) => (g?.data(id)?.enterprise as { shortName: string } | undefined)?.shortName === shortName,
      ) as string;
    }, name);
  // a member of a system whose root is not drawn: nothing to fold into, and the page says so
  await clickNode(page, await byName('星图知识工程'));
  await page.getByTestId('fold-button').click();
  await expect.poll(() => page.getByTestId('graph-notice').textContent()).toContain('星图智能');
  // a member of 长江商贸's system: folded into 长江商贸, which is selected
  await clickNode(page, await byName('长江仓储'));
  await page.getByTestId('fold-button').click();
  await expect.poll(() => page.locator('[data-testid=details-panel] h2').textContent()).toBe('长江商贸');
  expect(await page.getByTestId('fold-button').textContent()).toBe('展开企业系');
  expect(new URL(page.url()).searchParams.get('fold')).toBe(ROOT);
  const rootId = await page.evaluate((key) => {
    const g = window.chainAtlasGraph;
    return (g?.nodeIds() ?? []).find((id) => (g?.data(id)?.enterprise as { key: string } | undefined)?.key === key);
  }, ROOT);
  const label = () => page.evaluate((id) => String(window.chainAtlasGraph?.data(id)?.folded ?? ''), rootId as string);
  expect(await label()).toMatch(/^长江商贸系（\d+ 家）$/);
  await page.getByTestId('lang-switch').click();
  await expect.poll(label).toMatch(/^长江商贸 system \(\d+ firms\)$/);
  expect(problems).toEqual([]);
  await page.close();
});

it('walks the graph from the keyboard: the selected firm’s neighbours are buttons', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/explore?e=${ROOT}`));
  await settled(page);
  const linked = page.locator('[data-testid=linked-firms] button');
  // the details panel renders after the graph's first frame (a transition)
  const others = (await nodeCount(page)) - 1;
  await expect.poll(() => linked.count()).toBe(others);
  const name = (await linked.first().locator('.name').textContent()) as string;
  await linked.first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-testid=details-panel] h2').textContent()).toBe(name);
  const before = await nodeCount(page);
  await page.getByTestId('expand-button').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('expand-button').textContent(), { timeout: 10_000 }).toContain('已展开');
  expect(await nodeCount(page)).toBeGreaterThanOrEqual(before);
  expect(problems).toEqual([]);
  await page.close();
});

it('finds the shortest paths between two firms', async () => {
  const { page, problems } = await h.page();
  // steps beyond the choice (1–6) fall back to the default, 4
  await page.goto(h.url(`/path?from=${ROOT}&to=91420103283550749C&hops=9`));
  await page.getByTestId('path-found').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('max-hops').inputValue()).toBe('4');
  expect(await page.getByTestId('path-found').textContent()).toMatch(/4 步|4 steps/);
  await expect.poll(() => nodeCount(page)).toBeGreaterThanOrEqual(5);
  // a firm on the path: its details, and a way to explore from it
  const [first] = await graphNodeIds(page);
  await clickNode(page, first as string);
  await page.getByTestId('details-panel').waitFor();
  expect(await page.getByTestId('explore-from').getAttribute('href')).toContain('/explore?e=');
  await page.screenshot({ path: `${SHOTS}path.png` });
  await page.goto(h.url(`/path?from=${ROOT}&to=91420103283550749C&hops=2`));
  await page.getByTestId('path-none').waitFor();
  // no path: the ends still by name
  expect(await page.getByTestId('path-from-name').textContent()).toContain('长江商贸');
  expect(await page.getByTestId('path-to-name').textContent()).not.toContain('91420103283550749C');
  expect(problems).toEqual([]);
  await page.close();
});

it('offers GraphiQL at /graphql, which runs the README query', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/graphql'));
  await page.locator('.graphiql-execute-button').click();
  // chains come by key: 人工智能 (ai) first, in the lines the result window draws
  await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 15_000 }).toContain('人工智能');
  await page.screenshot({ path: `${SHOTS}graphiql.png` });
  expect(problems).toEqual([]);
  await page.close();
});

it('keeps its toolbar on one row at 1440×900 however many segments the graph holds', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/explore?e=${ROOT}&depth=3&limit=1000`));
  await expect.poll(() => nodeCount(page), { timeout: 20_000 }).toBeGreaterThan(100);
  await expect.poll(() => page.getByTestId('segment').locator('option').count()).toBeGreaterThan(10);
  const toolbar = page.getByTestId('explorer-toolbar');
  const row = () =>
    toolbar.evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      const controls = [...bar.querySelectorAll('select, button, input')].map((c) => c.getBoundingClientRect());
      return {
        height: box.height,
        right: box.right,
        tops: [...new Set(controls.map((c) => Math.round(c.top + c.height / 2)))],
        lastRight: Math.max(...controls.map((c) => c.right)),
      };
    });
  const before = await row();
  // one row of controls (their middles on one line), every one of them inside the bar
  expect(before.height).toBeLessThan(60);
  expect(Math.max(...before.tops) - Math.min(...before.tops)).toBeLessThanOrEqual(2);
  expect(before.lastRight).toBeLessThanOrEqual(before.right);
  // the filter still offers every segment, and picking the one with the longest name keeps the row
  const options = await page
    .getByTestId('segment')
    .locator('option')
    .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
  const longest = options.reduce((a, b) => (b.label.length > a.label.length ? b : a));
  await page.getByTestId('segment').selectOption(longest.value);
  await expect.poll(() => new URL(page.url()).searchParams.get('segment')).toBe(longest.value);
  expect(await page.getByTestId('segment').getAttribute('title')).toBe(longest.label);
  expect((await row()).height).toBe(before.height);
  await page.screenshot({ path: `${SHOTS}explorer-toolbar-one-row.png` });
  // in English too, whose labels are longer
  await page.goto(h.url(`/explore?e=${ROOT}&depth=3&limit=1000&lang=en&segment=${longest.value}`));
  await expect.poll(() => nodeCount(page), { timeout: 20_000 }).toBeGreaterThan(100);
  const en = await row();
  expect(en.height).toBeLessThan(60);
  expect(Math.max(...en.tops) - Math.min(...en.tops)).toBeLessThanOrEqual(2);
  expect(en.lastRight).toBeLessThanOrEqual(en.right);
  expect(problems).toEqual([]);
  await page.close();
});

it('opens on the district’s largest enterprise system, then on the last view drawn in this browser', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/explore'));
  // not an empty canvas: the largest system's root at the centre, the URL saying so
  await expect.poll(() => new URL(page.url()).searchParams.get('e')).toBe(LARGEST);
  await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBeGreaterThan(10);
  expect(await page.getByTestId('graph-empty').count()).toBe(0);
  await expect.poll(() => page.getByTestId('details-panel').textContent()).toContain('楚天生态');
  // the district's systems, largest first, to start from
  const chips = page.getByTestId('system-chip');
  expect(await chips.count()).toBe(6);
  expect(await chips.first().getAttribute('data-key')).toBe(LARGEST);
  expect(await chips.first().getAttribute('aria-current')).toBe('true');
  expect(await chips.first().textContent()).toBe('楚天生态14 家直系');
  await page.screenshot({ path: `${SHOTS}explorer-start.png` });
  // the start took the place of /explore in the history (a new tab's about:blank, then this page)
  expect(await page.evaluate(() => history.length)).toBe(2);

  // another system, at depth 2: the view to come back to
  await page.locator(`[data-testid="system-chip"][data-key="${XINGTU}"]`).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('e')).toBe(XINGTU);
  await page.getByTestId('depth').selectOption('2');
  await expect.poll(() => new URL(page.url()).searchParams.get('depth')).toBe('2');
  await expect.poll(() => page.getByTestId('graph-stats').isVisible()).toBe(true);
  await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBeGreaterThan(15);
  await page.waitForFunction(() => !document.querySelector('[data-testid="graph-loading"]'));
  // kept once drawn: on a slower store the page could be left before (the previous graph still
  // counts more than 15 firms), and the view kept would be the one before
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), LAST_VIEW_KEY), { timeout: 15_000 })
    .toContain('depth=2');

  // elsewhere, then the explorer again from the header: the last view, as it was
  await page.goto(h.url('/chains/logistics?lang=en'));
  await page.getByTestId('nav-explorer').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('e')).toBe(XINGTU);
  expect(new URL(page.url()).searchParams.get('depth')).toBe('2');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBeGreaterThan(15);
  await expect.poll(() => page.getByTestId('graph-stats').textContent()).toMatch(/firms/);

  // a view that cannot be drawn is not remembered
  await page.goto(h.url('/explore?e=nosuch'));
  await page.getByTestId('graph-error').waitFor();
  await page.getByTestId('graph-error-back').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('e')).toBe(XINGTU);

  // another browser (nothing remembered) starts on the largest system again
  const other = await h.browser().newPage({ viewport: { width: 1440, height: 900 } });
  await other.goto(h.url('/explore'));
  await expect.poll(() => new URL(other.url()).searchParams.get('e')).toBe(LARGEST);
  await other.close();
  expect(problems).toEqual([]);
  await page.close();
});
