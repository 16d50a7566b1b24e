import { CHAINS } from '@chain-atlas/seeds/chains';
import { expect, it } from 'vitest';
import { browserHarness, graphNodeIds, modelPosition, renderedPosition, SHOTS, slowApi, TOKENS } from './harness';

/** The chain overview and the chain map, as chain leaders use them. */
const h = browserHarness();

it('lists every chain with its leader, anchors, firms, coverage and gaps; a card opens its map (by keyboard too)', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/'));
  const cards = page.getByTestId('chain-card');
  // a page load, and the server's first answer builds the chains' reports: more than poll's 1 s here
  await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(CHAINS.length);
  const logistics = page.locator('[data-chain="logistics"]');
  for (const text of ['李志刚', '长江商贸', '补链 1', '延链 1', '5/7'])
    await expect.poll(() => logistics.textContent()).toContain(text);
  await page.screenshot({ path: `${SHOTS}chains-overview.png` });
  // keyboard: focus the first card's 查看全景图 and press Enter
  await page.locator('[data-chain="logistics"]').getByTestId('open-map').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('chain-map').waitFor();
  expect(new URL(page.url()).pathname).toBe('/chains/logistics');
  expect(problems).toEqual([]);
  await page.close();
});

it('shows the deliberate gaps of every demo chain on its map', async () => {
  const { page, problems } = await h.page();
  for (const spec of CHAINS) {
    await page.goto(h.url(`/chains/${spec.id}`));
    const buttons = page.getByTestId('segment-button');
    await expect.poll(() => buttons.count(), { timeout: 10_000 }).toBe(spec.segments.length);
    const needs = await buttons.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.need));
    const gaps = needs.flatMap((n, i) => (n === 'FILL' || n === 'EXTEND' ? [i] : []));
    expect(gaps, spec.id).toEqual([...spec.uncovered].sort((a, b) => a - b));
    // and each gap is drawn in place, in the gap's style
    const drawn = await page.evaluate(() =>
      (window.chainAtlasGraph?.nodeIds() ?? [])
        .filter((id) => id.startsWith('segment|'))
        .map((id) => window.chainAtlasGraph?.data(id)?.need),
    );
    expect(drawn.filter((n) => n === 'FILL' || n === 'EXTEND').length, spec.id).toBe(spec.uncovered.length);
  }
  expect(problems).toEqual([]);
  await page.close();
});

it('opens a gap: its candidates with every score term, drawn on the map with their evidence', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/chains/logistics'));
  await page.getByTestId('segment-button').filter({ hasText: '供应链管理' }).click();
  // a viewer (no token) sees the map, its gaps and the gap's facts; the candidates need an analyst
  const notice = page.getByTestId('gap-panel').getByTestId('needs-role');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('需要分析员权限');
  expect(await page.getByTestId('gap-panel').textContent()).toMatch(/补链|延链|强链/);
  // the gap's outside firms are an analyst's: its card on the map shows a viewer none of them
  const meta = `meta|${Buffer.from('Segment:logistics-s5').toString('base64url')}`;
  const cardCounts = () => page.evaluate((id) => String(window.chainAtlasGraph?.data(id)?.label ?? ''), meta);
  expect(await cardCounts()).toContain('区外 0');
  expect(await page.getByTestId('segment-button').count()).toBeGreaterThan(3);
  expect((await graphNodeIds(page)).some((id) => id.startsWith('firm|'))).toBe(true);
  await page.screenshot({ path: `${SHOTS}chain-map-gap-viewer.png` });
  // signing in from the notice loads them in place, without a reload
  await page.evaluate(() => {
    (window as { stayed?: boolean }).stayed = true;
  });
  await notice.getByTestId('needs-role-sign-in').click();
  await page.getByTestId('token-input').fill(TOKENS.analyst.token);
  await page.getByTestId('sign-in-submit').click();
  const candidates = page.getByTestId('candidate');
  await candidates.first().waitFor();
  expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
  // and the map is asked for again for the analyst: the card counts the gap's outside firms now
  await expect.poll(cardCounts).toMatch(/区外 [1-9]/);
  expect(await page.getByTestId('account-who').textContent()).toBe('张三 · 分析员');
  expect(await candidates.count()).toBeGreaterThan(0);
  // six terms, and why the firm is listed
  expect(await candidates.first().getByTestId('score-term').count()).toBe(6);
  expect((await candidates.first().getByTestId('candidate-reason').textContent())?.trim()).not.toBe('');
  expect(await candidates.first().textContent()).toMatch(/依据/);
  expect(new URL(page.url()).searchParams.get('gap')).toBe('logistics-s5');
  await expect
    .poll(async () => (await graphNodeIds(page)).filter((id) => id.startsWith('candidate|')).length)
    .toBeGreaterThan(0);
  const evidence = await page.evaluate(() => window.chainAtlasGraph?.edgeIds('.evidence') ?? []);
  expect(evidence.length).toBeGreaterThan(0);
  await candidates.first().hover();
  await page.screenshot({ path: `${SHOTS}chain-map-gap.png` });
  // the URL holds the view: a reload opens the same gap
  await page.reload();
  await page.getByTestId('candidate').first().waitFor();
  expect(problems).toEqual([]);
  await page.close();
});

it('expands a segment in place: only the cards under it in its column move, and only down', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/chains/logistics'));
  await page.getByTestId('segment-button').first().waitFor();
  const ids = await graphNodeIds(page);
  const more = ids.find((id) => id.startsWith('more|'));
  expect(more).toBeDefined();
  const segment = (more as string).slice('more|'.length);
  const column = (await modelPosition(page, `segment|${segment}`))?.x;
  const others = ids.filter((id) => id.startsWith('firm|') && !id.startsWith(`firm|${segment}|`));
  const before = await Promise.all(others.map((id) => modelPosition(page, id)));
  const count = ids.length;
  // tap the "more" chip where it is drawn
  const at = await renderedPosition(page, more as string);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!at || !box) throw new Error('the more node is not drawn');
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect.poll(async () => (await graphNodeIds(page)).length).toBeGreaterThan(count);
  const after = await Promise.all(others.map((id) => modelPosition(page, id)));
  others.forEach((id, i) => {
    const [was, now] = [before[i], after[i]];
    if (Math.abs((was?.x ?? 0) - (column ?? 0)) > 120) expect(now, id).toEqual(was);
    else {
      expect(now?.x, id).toBe(was?.x);
      expect(now?.y ?? 0, id).toBeGreaterThanOrEqual(was?.y ?? 0);
    }
  });
  expect(new URL(page.url()).searchParams.get('open')).toBeTruthy();
  await page.screenshot({ path: `${SHOTS}chain-map-expanded.png` });
  expect(problems).toEqual([]);
  await page.close();
});

it('opens two segments in quick succession and shows fewer again, from the panel by keyboard', async () => {
  const { page, problems } = await h.page();
  await slowApi(page, 400);
  await page.goto(h.url('/chains/logistics'));
  await page.getByTestId('segment-button').first().waitFor({ timeout: 15_000 });
  const toggles = page.getByTestId('segment-more');
  expect(await toggles.count()).toBeGreaterThanOrEqual(2);
  const count = (await graphNodeIds(page)).length;
  // both asked for before the first answer: both stay open
  await toggles.nth(0).click();
  await toggles.nth(1).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('open')?.split(',').length, { timeout: 15_000 }).toBe(2);
  await expect.poll(() => page.locator('[data-testid=segment-more][aria-expanded=true]').count()).toBe(2);
  expect((await graphNodeIds(page)).length).toBeGreaterThan(count);
  // and closed again with the keyboard
  await page.locator('[data-testid=segment-more][aria-expanded=true]').first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('open')?.split(',').length).toBe(1);
  await page.locator('[data-testid=segment-more][aria-expanded=true]').first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('open')).toBeNull();
  await expect.poll(async () => (await graphNodeIds(page)).length).toBe(count);
  expect(problems).toEqual([]);
  await page.close();
});

it('switches to English and keeps the language across views', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/chains/logistics'));
  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByTestId('map-panel').textContent()).toMatch(/Fill|Extend|Strengthen/);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  await page.getByTestId('nav-explorer').click();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  await page.getByTestId('nav-chains').click();
  await expect.poll(() => page.locator('h2').first().textContent()).toBe('Industry chains');
  await page.screenshot({ path: `${SHOTS}chains-overview-en.png` });
  expect(problems).toEqual([]);
  await page.close();
});
