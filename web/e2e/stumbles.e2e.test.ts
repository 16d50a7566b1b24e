import { expect, it } from 'vitest';
import { browserHarness, SHOTS } from './harness';

/** What a new user stumbled on outside the explorer (issue 20): each with the page it happened on. */
const h = browserHarness();

const JINHENG = '91420103MP6189036H'; // 锦恒物流园, 28% held by 星图智能
const XINGTU = '914201037459613918'; // 星图智能
const CUSTOMER = '914201038663315483'; // buys 冷库设施 from 锦恒物流园
const LARGEST = '91420103F63089507H'; // 楚天生态, the largest enterprise system

it('says in the path list who holds or supplies whom, in Chinese and in English', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/path?from=${JINHENG}&to=${XINGTU}`));
  await page.getByTestId('path-found').waitFor({ timeout: 15_000 });
  const list = page.locator('.path-list li').first();
  expect((await list.textContent())?.replace(/\s+/g, ' ')).toBe('锦恒物流园 ← 持股 28% — 星图智能');
  expect(await page.getByTestId('path-step').first().getAttribute('title')).toBe('星图智能 持有 锦恒物流园 28% 的股权');

  await page.goto(h.url(`/path?from=${CUSTOMER}&to=${XINGTU}&lang=en`));
  await page.getByTestId('path-found').waitFor({ timeout: 15_000 });
  const text = (await page.locator('.path-list').textContent())?.replace(/\s+/g, ' ') ?? '';
  expect(text).toContain('← supplies 冷库设施 — 锦恒物流园 ← holds 28% — 星图智能');
  await page.screenshot({ path: `${SHOTS}path-directions.png` });
  expect(problems).toEqual([]);
  await page.close();
});

it('says an unknown chain, page or firm in the page’s language, with a way back', async () => {
  const { page, problems } = await h.page();
  // an unknown chain: Chinese, no retry, back to the overview
  await page.goto(h.url('/chains/nosuch'));
  await page.getByTestId('not-found').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('not-found-message').textContent()).toBe('没有这条产业链：nosuch');
  expect((await page.getByTestId('not-found').textContent())?.replace('nosuch', '')).not.toMatch(/[A-Za-z]/);
  expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
  await page.screenshot({ path: `${SHOTS}not-found-chain.png` });
  await page.getByTestId('not-found-overview').click();
  await page.getByTestId('chain-card').first().waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe('/');

  // the same in English
  await page.goto(h.url('/chains/nosuch?lang=en'));
  await page.getByTestId('not-found').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('not-found-message').textContent()).toBe('There is no chain nosuch');
  expect(await page.getByTestId('not-found-explorer').getAttribute('href')).toBe('/explore?lang=en');

  // an unknown page: no bare 404
  await page.goto(h.url('/whatever'));
  await page.getByTestId('not-found').waitFor();
  expect(await page.getByTestId('not-found-message').textContent()).toBe('没有这个页面：/whatever');
  await page.screenshot({ path: `${SHOTS}not-found-page.png` });
  await page.getByTestId('not-found-explorer').click();
  // the explorer opens on the district's largest system (楚天生态)
  await page.getByTestId('graph-stats').waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).searchParams.get('e')).toBe(LARGEST);

  // an unknown firm in the explorer's URL: said in Chinese, and a way to search another
  await page.goto(h.url('/explore?e=nosuch'));
  await page.getByTestId('graph-error').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('graph-error').textContent()).toContain('未找到企业 nosuch');
  expect(await page.getByTestId('graph-error').textContent()).not.toMatch(/No enterprise|NOT_FOUND/);
  await page.screenshot({ path: `${SHOTS}not-found-firm.png` });
  await page.getByTestId('graph-error-back').click();
  // back to the last view drawn, not to the firm that is not there
  await expect.poll(() => new URL(page.url()).searchParams.get('e'), { timeout: 15_000 }).toBe(LARGEST);
  await page.getByTestId('graph-stats').waitFor({ timeout: 15_000 });
  await page.goto(h.url('/explore?e=nosuch&lang=en'));
  await page.getByTestId('graph-error').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('graph-error').textContent()).toContain('No firm nosuch');
  expect(problems).toEqual([]);
  await page.close();
});

/** Every `leaders` and `anchors` list of the API's answers emptied: a chain nobody leads yet. */
async function withoutLeaders(page: import('playwright-core').Page) {
  const empty = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(empty);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'leaders' || k === 'anchors' ? [] : empty(v)]),
    );
  };
  await page.route('**/graphql', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: empty(await response.json()) });
  });
}

it('says a chain with no leader has none, rather than "链长： ·"', async () => {
  const { page, problems } = await h.page();
  await withoutLeaders(page);
  await page.goto(h.url('/chains/logistics'));
  await page.getByTestId('map-leaders').waitFor({ timeout: 15_000 });
  expect((await page.getByTestId('map-leaders').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
    '链长：暂无 · 链主：暂无',
  );
  await page.goto(h.url('/?lang=en'));
  await page.getByTestId('chain-leaders').first().waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('chain-leaders').first().textContent()).toBe('none');
  expect(problems).toEqual([]);
  await page.close();
});

it('names each view in the page title, in the page’s language', async () => {
  const { page, problems } = await h.page();
  const titled = async (path: string, title: string) => {
    await page.goto(h.url(path));
    await expect.poll(() => page.title(), { timeout: 15_000 }).toBe(title);
  };
  await titled('/', '产业链总览 · 链图');
  await titled('/chains/logistics', '商贸物流 · 产业链全景图 · 链图');
  await titled('/chains/logistics?lang=en', '商贸物流 · chain map · Chain Atlas');
  await titled('/chains/logistics/targets', '商贸物流 · 招商目标 · 链图');
  await titled('/explore?e=91420103T375845494', '长江商贸 · 企业图谱 · 链图');
  // no firm named: the last view drawn in this browser
  await titled('/explore?lang=en', '长江商贸 · Explorer · Chain Atlas');
  await titled(`/path?from=${JINHENG}&to=${XINGTU}&lang=en`, '锦恒物流园 → 星图智能 · Paths · Chain Atlas');
  await titled('/chains/nosuch', '找不到要打开的内容 · 链图');
  await titled('/whatever?lang=en', 'Not found · Chain Atlas');
  expect(problems).toEqual([]);
  await page.close();
});
