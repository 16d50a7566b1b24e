import { expect, it } from 'vitest';
import { browserHarness, SHOTS } from './harness';

/** What a new user stumbled on outside the explorer (issue 20): each with the page it happened on. */
const h = browserHarness();

const JINHENG = '91420103MP6189036H'; // 锦恒物流园, 28% held by 星图智能
const XINGTU = '914201037459613918'; // 星图智能
const CUSTOMER = '914201038663315483'; // buys 冷库设施 from 锦恒物流园

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
