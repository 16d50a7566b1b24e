import { expect, it } from 'vitest';
import { browserHarness, clickNode, graphNodeIds, modelPosition, nodeCount, SHOTS } from './harness';

/** The enterprise explorer in a real browser, as a chain leader uses it. */
const h = browserHarness();
const ROOT = '91420103T375845494'; // 长江商贸

it('finds an enterprise by pinyin initials, opens it, and expands a neighbour beside it without moving the others', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/explore'));
  await page.getByTestId('graph-empty').waitFor();
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
  expect(new URL(page.url()).searchParams.get('x')).toBeTruthy();
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

it('finds the shortest paths between two firms', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/path?from=${ROOT}&to=91420103283550749C`));
  await page.getByTestId('path-found').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('path-found').textContent()).toMatch(/4 步|4 steps/);
  await expect.poll(() => nodeCount(page)).toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: `${SHOTS}path.png` });
  await page.goto(h.url(`/path?from=${ROOT}&to=91420103283550749C&hops=2`));
  await page.getByTestId('path-none').waitFor();
  expect(problems).toEqual([]);
  await page.close();
});

it('offers GraphiQL at /graphql, which runs the README query', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/graphql'));
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 15_000 }).toContain('商贸物流');
  await page.screenshot({ path: `${SHOTS}graphiql.png` });
  expect(problems).toEqual([]);
  await page.close();
});
