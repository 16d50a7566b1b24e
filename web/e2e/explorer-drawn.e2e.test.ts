import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserHarness, nodeCount, SHOTS } from './harness';

/** The explorer draws what the API answers, and says what it draws (issue 20's explorer defects). */
const h = browserHarness();
const ROOT = '91420103T375845494'; // 长江商贸
const COLD_CHAIN = '91420103U27766661G'; // 长江冷链物流, which controls 长江快运 (62%)
const CITY = '91420103R54849700J'; // 长江城市配送, linked to 泽凯供应链

interface Answer {
  neighbourhood: { nodes: { enterprise: { id: string } }[]; edges: { id: string; fromId: string; toId: string }[] };
}
const NEIGHBOURHOOD = `query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 200) {
  nodes { enterprise { id } } edges { id fromId toId } } }`;

/** The firms and links drawn (links folded into one are not the API's). */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const g = window.chainAtlasGraph;
    return { nodes: (g?.nodeIds() ?? []).sort(), edges: (g?.edgeIds('edge[kind != "META"]') ?? []).sort() };
  });

/** The relationships among the firms drawn that the API's neighbourhoods of these keys give. */
async function apiLinks(keys: readonly string[], nodes: readonly string[]): Promise<string[]> {
  const among = new Set(nodes);
  const links = new Set<string>();
  for (const key of keys) {
    const { data } = await h.api<Answer>(NEIGHBOURHOOD, { id: key });
    for (const e of data?.neighbourhood.edges ?? []) if (among.has(e.fromId) && among.has(e.toId)) links.add(e.id);
  }
  return [...links].sort();
}

const keyOf = (page: Page, id: string) =>
  page.evaluate(
    (nodeId) => (window.chainAtlasGraph?.data(nodeId)?.enterprise as { key: string } | undefined)?.key ?? '',
    id,
  );
/** Waits until the graph is loaded, its expansions replayed, and a moment more. */
async function ready(page: Page) {
  await expect.poll(() => nodeCount(page), { timeout: 15_000 }).toBeGreaterThan(1);
  await expect.poll(() => page.getByTestId('graph-loading').count(), { timeout: 15_000 }).toBe(0);
  await page.waitForTimeout(500);
}

it('draws every link among the firms an expansion adds, expansion after expansion and from a shared URL', async () => {
  const { page, problems } = await h.page();
  // the URL's expansion, replayed: 长江快运 comes with its link from 长江冷链物流
  await page.goto(h.url(`/explore?e=${ROOT}&x=${COLD_CHAIN}`));
  await ready(page);
  let now = await drawn(page);
  expect(now.edges).toEqual(await apiLinks([ROOT, COLD_CHAIN], now.nodes));

  // expanding by hand, one firm after another: 长江城市配送 (and 泽凯供应链 linked), then the others
  await page.goto(h.url(`/explore?e=${ROOT}`));
  await ready(page);
  const firstRing = (await drawn(page)).nodes;
  const order = [CITY, COLD_CHAIN, ...(await Promise.all(firstRing.map((id) => keyOf(page, id))))];
  const expanded = [ROOT];
  for (const key of order.filter((k, i) => k !== ROOT && order.indexOf(k) === i).slice(0, 8)) {
    await page.evaluate((k) => window.chainAtlasExplorer?.expand(k), key);
    expanded.push(key);
    await expect.poll(() => new URL(page.url()).searchParams.get('x')?.split(',').length).toBe(expanded.length - 1);
    now = await drawn(page);
    expect(now.edges, `after expanding ${key}`).toEqual(await apiLinks(expanded, now.nodes));
  }
  await page.screenshot({ path: `${SHOTS}explorer-expanded-links.png` });
  expect(problems).toEqual([]);
  await page.close();
});

/** The 节点/关系 badge's numbers, and the firms and links the canvas shows; once the badge has caught up. */
async function counted(page: Page) {
  const read = () =>
    Promise.all([
      page.getByTestId('graph-stats').textContent(),
      page.evaluate(() => {
        const g = window.chainAtlasGraph;
        return `节点 ${g?.visibleNodeCount() ?? -1} · 关系 ${g?.edgeIds(':visible').length ?? -1}`;
      }),
    ]);
  // a filter or a fold is drawn over the next frames: the badge and the canvas agree, and stay so
  let last = '';
  await expect
    .poll(
      async () => {
        const [badge, canvas] = await read();
        const settled = badge === canvas && badge === last;
        last = badge === canvas ? (badge ?? '') : '';
        if (!settled) await page.waitForTimeout(150);
        return settled;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  const [nodes, edges] = (last.match(/\d+/g) ?? []).map(Number);
  return { nodes: nodes ?? -1, edges: edges ?? -1 };
}

it('counts what is drawn in the 节点/关系 badge: not the firms a folded system or a filter hides', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/explore?e=${ROOT}&depth=2`));
  await ready(page);
  const all = await counted(page);
  expect(all.nodes).toBe(await nodeCount(page));

  // 长江商贸, selected as the centre, folded: its members and their links are not drawn, nor counted
  await page.getByTestId('fold-button').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('fold')).toBe(ROOT);
  const folded = await counted(page);
  expect(folded.nodes).toBeLessThan(all.nodes);
  await page.screenshot({ path: `${SHOTS}explorer-folded-badge.png` });

  // filtered while folded, unfolded while filtered, then everything again
  await page.getByTestId('show').selectOption('outside');
  expect((await counted(page)).nodes).toBeLessThan(folded.nodes);
  await page.getByTestId('fold-button').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('fold')).toBeNull();
  const outside = await counted(page);
  await page.getByTestId('show').selectOption('local');
  const local = await counted(page);
  // the centre shows with either filter
  expect(outside.nodes + local.nodes - 1).toBe(all.nodes);
  await page.getByTestId('show').selectOption('all');
  await expect.poll(() => counted(page), { timeout: 10_000 }).toEqual(all);
  expect(problems).toEqual([]);
  await page.close();
});

const SYSTEM = `query($id: ID!) { enterprise(id: $id) { id system { members(first: 100) { nodes { enterprise { id } } } } } }`;
interface SystemAnswer {
  enterprise: { id: string; system: { members: { nodes: { enterprise: { id: string } }[] } } };
}

/** The links drawn, with their ends and how many links each stands for. */
const shownLinks = (page: Page) =>
  page.evaluate(() => {
    const g = window.chainAtlasGraph;
    return (g?.edgeIds(':visible') ?? []).map((id) => {
      const d = g?.data(id) ?? {};
      return { id, source: String(d.source), target: String(d.target), count: Number(d.count ?? 1) };
    });
  });

it('draws a folded system’s links to one firm as one link with their count', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/explore?e=${ROOT}&depth=2`));
  await ready(page);
  const { data } = await h.api<SystemAnswer>(SYSTEM, { id: ROOT });
  const root = data?.enterprise.id as string;
  const system = new Set([root, ...(data?.enterprise.system.members.nodes ?? []).map((m) => m.enterprise.id)]);
  const before = await shownLinks(page);
  // the system's links to each firm outside it, as drawn before the fold
  const expected = new Map<string, number>();
  for (const e of before)
    if (system.has(e.source) !== system.has(e.target)) {
      const other = system.has(e.source) ? e.target : e.source;
      expected.set(other, (expected.get(other) ?? 0) + 1);
    }
  expect(Math.max(...expected.values())).toBeGreaterThan(1);

  await page.getByTestId('fold-button').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('fold')).toBe(ROOT);
  await page.waitForTimeout(300);
  const after = await shownLinks(page);
  const folded = new Map<string, number[]>();
  for (const e of after) {
    expect(system.has(e.source) && e.source !== root, 'no link from a member folded away').toBe(false);
    expect(system.has(e.target) && e.target !== root, 'no link to a member folded away').toBe(false);
    if ((e.source === root) !== (e.target === root)) {
      const other = e.source === root ? e.target : e.source;
      folded.set(other, [...(folded.get(other) ?? []), e.count]);
    }
  }
  expect(Object.fromEntries(folded)).toEqual(Object.fromEntries([...expected].map(([id, n]) => [id, [n]])));
  await page.screenshot({ path: `${SHOTS}explorer-folded-links.png` });

  // opened again: the links as they were
  await page.getByTestId('fold-button').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('fold')).toBeNull();
  await expect
    .poll(async () => (await shownLinks(page)).map((e) => e.id).sort())
    .toEqual(before.map((e) => e.id).sort());
  expect(problems).toEqual([]);
  await page.close();
});

it('keeps an expanded firm whose id holds a comma and a percent sign through a reload of the shared URL', async () => {
  const { page, problems } = await h.page();
  // the demo's ids hold no comma nor percent sign: 长江冷链物流's key is given both in every answer
  const odd = '91420103U,27766%661G';
  await page.route(
    (url) => url.pathname === '/graphql',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll(`"${COLD_CHAIN}"`, JSON.stringify(odd));
      await route.fulfill({ response, body });
    },
  );
  await page.goto(h.url(`/explore?e=${ROOT}`));
  await ready(page);
  const first = await nodeCount(page);
  await page.evaluate((key) => window.chainAtlasExplorer?.expand(key), odd);
  await expect.poll(() => new URL(page.url()).searchParams.get('x')).toBeTruthy();
  const expanded = await nodeCount(page);
  expect(expanded).toBeGreaterThan(first);
  await page.reload();
  await ready(page);
  await expect.poll(() => nodeCount(page)).toBe(expanded);
  expect(problems).toEqual([]);
  await page.close();
});
