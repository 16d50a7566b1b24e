import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { browserHarness, SHOTS, signIn, TOKENS } from './harness';

/** The targets table, as investment-attraction staff use it. */
const h = browserHarness();

it('ranks a chain’s candidates across its gaps, filters them, and exports the rows as CSV for Excel', async () => {
  const { page, problems } = await h.page();
  const rows = await openAsAnalyst(page);
  const count = await rows.count();
  expect(count).toBeGreaterThan(5);
  await page.screenshot({ path: `${SHOTS}targets.png` });

  await page.getByTestId('filter-need').selectOption('FILL');
  await expect.poll(() => rows.count()).toBeLessThan(count);
  expect(new URL(page.url()).searchParams.get('need')).toBe('FILL');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('招商目标-商贸物流.csv');
  const bytes = readFileSync((await file.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines.length).toBe((await rows.count()) + 1);
  expect(text).toContain('补链');

  // reload keeps the filter (and the sign-in: the token is kept for this tab)
  await page.reload();
  await rows.first().waitFor();
  expect(await page.getByTestId('filter-need').inputValue()).toBe('FILL');
  expect(problems).toEqual([]);
  await page.close();
});

interface AuditAnswer {
  auditLog: { nodes: { who: string; role: string; target: string; detail: string; outcome: string }[] };
}
const exportsRecorded = async () =>
  (
    await h.api<AuditAnswer>(
      '{ auditLog(action: "recordExport", first: 20) { nodes { who role target detail outcome } } }',
      {},
      TOKENS.admin.token,
    )
  ).data?.auditLog.nodes ?? [];

it('asks a viewer to sign in, refuses a wrong token, shows an analyst the targets, records the export, signs out', async () => {
  const { page, problems } = await h.page();
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await page.goto(h.url('/chains/logistics/targets'));

  // anonymous (a viewer): the view names the chain and says which role it needs, not an error
  const notice = page.getByTestId('needs-role');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('需要分析员权限——请使用分析员的令牌登录');
  expect(await page.getByTestId('targets-view').locator('h2').textContent()).toBe('商贸物流 · 招商目标');
  expect(await page.getByTestId('status-error').count()).toBe(0);
  expect(await page.getByTestId('sign-in').textContent()).toBe('登录');
  await page.screenshot({ path: `${SHOTS}targets-needs-role.png` });
  await page.evaluate(() => {
    (window as { stayed?: boolean }).stayed = true;
  });

  // the notice's button opens the form, by keyboard; the field has the focus
  await notice.getByTestId('needs-role-sign-in').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('sign-in-dialog').waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('token-input');

  // a token the server does not know: a clear message, nothing kept, still signed out
  await page.keyboard.type('ca_not-a-token-this-server-knows');
  await page.keyboard.press('Enter');
  const refused = page.getByTestId('sign-in-error');
  await refused.waitFor();
  expect(await refused.textContent()).toContain('服务器不认可这个令牌');
  await page.screenshot({ path: `${SHOTS}sign-in-refused.png` });
  expect(await page.evaluate(() => sessionStorage.getItem('chain-atlas.token'))).toBeNull();
  // Esc closes the form and takes its text away
  await page.keyboard.press('Escape');
  await page.getByTestId('sign-in-dialog').waitFor({ state: 'hidden' });
  expect(await page.getByTestId('sign-in').count()).toBe(1);

  // an analyst's token: the header names them and their role, the table loads in place
  await signIn(page, TOKENS.analyst.token);
  expect(await page.getByTestId('account-who').textContent()).toBe('张三 · 分析员');
  const rows = page.getByTestId('target-row');
  await rows.first().waitFor();
  expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
  expect(await page.evaluate(() => sessionStorage.getItem('chain-atlas.token'))).toBe(TOKENS.analyst.token);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + document.cookie)).not.toContain('ca_e2e');
  await page.screenshot({ path: `${SHOTS}targets-signed-in.png` });

  // the export is recorded in the audit log, then saved
  const before = (await exportsRecorded()).length;
  const shown = await rows.count();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  await download;
  const recorded = await exportsRecorded();
  expect(recorded.length).toBe(before + 1);
  expect(recorded[0]).toMatchObject({ who: '张三', role: 'analyst', outcome: 'ok' });
  expect(JSON.parse(recorded[0]?.detail ?? '{}')).toMatchObject({ chain: 'logistics', format: 'csv', rows: shown });

  // in English too
  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByTestId('account-who').textContent()).toBe('张三 · Analyst');

  // signing out: the table goes, the notice is back, the tab keeps no token
  await page.getByTestId('sign-out').click();
  await notice.waitFor();
  expect(await notice.textContent()).toContain('This needs the analyst role — sign in with an analyst’s token.');
  expect(await rows.count()).toBe(0);
  expect(await page.evaluate(() => sessionStorage.getItem('chain-atlas.token'))).toBeNull();

  // the token went in the Authorization header only: never in a URL
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) for (const token of Object.values(TOKENS)) expect(url).not.toContain(token.token);
  // the one refused token is the only failure: its 401, which Chromium also reports in the console
  expect(problems.filter((p) => !/\b401\b/.test(p))).toEqual([]);
  expect(problems.length).toBeLessThanOrEqual(2);
  await page.close();
});

it('saves no file when the export cannot be recorded, and says why', async () => {
  const { page, problems } = await h.page();
  await openAsAnalyst(page);
  // the audit log refuses the record (as a server whose log cannot be written would)
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { variables?: { format?: string } };
    if (body.variables?.format !== 'csv') return route.continue();
    return route.fulfill({
      status: 200,
      contentType: 'application/graphql-response+json',
      body: JSON.stringify({
        data: null,
        errors: [{ message: 'The audit log cannot be written.', extensions: { code: 'INTERNAL' } }],
      }),
    });
  });
  const before = (await exportsRecorded()).length;
  let downloads = 0;
  page.on('download', () => {
    downloads++;
  });
  await page.getByTestId('export-csv').click();
  const error = page.getByTestId('export-error');
  await error.waitFor();
  expect(await error.textContent()).toContain('未导出');
  expect(await error.textContent()).toContain('The audit log cannot be written.');
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
  expect((await exportsRecorded()).length).toBe(before);
  await page.screenshot({ path: `${SHOTS}targets-export-refused.png` });
  expect(problems).toEqual([]);
  await page.close();
});

it('shows each term (a missing one as —) and why a firm is listed, and re-ranks when the weights change', async () => {
  const { page, problems } = await h.page();
  const weighted: unknown[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { variables?: { weights?: unknown } };
    if (body.variables && 'weights' in body.variables) weighted.push(body.variables.weights);
  });
  const rows = await openAsAnalyst(page);
  // the default request sends no weights
  expect(weighted.length).toBeGreaterThan(0);
  expect(weighted.every((w) => w === null)).toBe(true);
  const table = page.getByTestId('targets-table');
  expect(await table.locator('thead th.term').allTextContents()).toEqual([
    '产品匹配×4',
    '从事该环节×3',
    '供应链邻近×3',
    '相邻环节×2',
    '规模×1',
    '同省×1',
  ]);
  expect((await rows.first().getByTestId('target-reason').textContent())?.trim()).not.toBe('');
  // a term not known for a firm is "—" with a tooltip, never 0
  const missing = table.locator('td.term[data-missing="true"]');
  if ((await missing.count()) > 0) {
    expect(await missing.first().textContent()).toContain('—');
    expect(await missing.first().getAttribute('title')).toContain('不计入得分');
  }
  const firstScore = await rows.first().getByTestId('target-score').textContent();
  expect(Number(firstScore)).toBeLessThanOrEqual(100);

  // only "works in the segment" counts: typed in one go, asked for once (debounced)
  weighted.length = 0;
  for (const field of ['productMatch', 'proximity', 'adjacency', 'scale', 'distance'])
    await page.getByTestId(`weight-${field}`).fill('0');
  await expect
    .poll(() => new URL(page.url()).searchParams.get('w'))
    .toBe('productMatch:0,proximity:0,adjacency:0,scale:0,distance:0');
  await expect.poll(() => rows.first().getByTestId('target-score').textContent()).not.toBe(firstScore);
  expect(await rows.first().getByTestId('target-score').textContent()).toBe('100');
  expect(await table.locator('thead th.term').first().textContent()).toBe('产品匹配×0');
  expect(weighted).toEqual([{ productMatch: 0, proximity: 0, adjacency: 0, scale: 0, distance: 0 }]);
  expect(await page.getByTestId('weights-status').textContent()).toContain('已调整权重');
  await page.screenshot({ path: `${SHOTS}targets-weights.png` });

  // a reload keeps the weights; resetting brings the default ranking back
  await page.reload();
  await rows.first().waitFor();
  expect(await page.getByTestId('weight-productMatch').inputValue()).toBe('0');
  expect(await page.getByTestId('weight-worksInSegment').inputValue()).toBe('3');
  await page.getByTestId('weights-reset').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('w')).toBeNull();
  await expect.poll(() => rows.first().getByTestId('target-score').textContent()).toBe(firstScore);
  expect(await page.getByTestId('weight-productMatch').inputValue()).toBe('4');
  expect(problems).toEqual([]);
  await page.close();
});

/** The logistics chain's targets, asked for anonymously (told which role they need), then signed in as an analyst: its rows once drawn. */
async function openAsAnalyst(page: import('playwright-core').Page) {
  await page.goto(h.url('/chains/logistics/targets'));
  await page.getByTestId('needs-role').waitFor();
  await signIn(page);
  const rows = page.getByTestId('target-row');
  await rows.first().waitFor();
  return rows;
}

/**
 * The Targets answer with `copies` more firms per candidate (new ids, keys and names): a chain with
 * hundreds of leads, from the demo's own.
 */
async function manyCandidates(page: import('playwright-core').Page, copies: number): Promise<void> {
  await page.route('**/graphql', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as {
      data?: {
        leads?: { gapReport?: { segments: { candidates: { totalCount: number; nodes: unknown[] } | null }[] } };
      };
    };
    // the Targets query names its chain `leads`; the page's other queries (the chain's investment
    // leads, also `leads`, a list without a gap report) pass as they are
    for (const gap of body.data?.leads?.gapReport?.segments ?? []) {
      if (!gap.candidates) continue;
      const nodes = gap.candidates.nodes as { enterprise: { id: string; key: string; name: string } }[];
      const more = nodes.flatMap((c) =>
        Array.from({ length: copies }, (_, i) => ({
          ...c,
          enterprise: {
            ...c.enterprise,
            id: `${c.enterprise.id}-copy${i}`,
            key: `${c.enterprise.key}-${i}`,
            name: `${c.enterprise.name}${i + 1}号`,
          },
        })),
      );
      gap.candidates.nodes = [...nodes, ...more];
      gap.candidates.totalCount = gap.candidates.nodes.length;
    }
    await route.fulfill({ response, json: body });
  });
}

it('keeps the page as tall as the window with hundreds of rows: the table scrolls in its box', async () => {
  const { page, problems } = await h.page();
  await manyCandidates(page, 8);
  const rows = await openAsAnalyst(page);
  expect(await rows.count()).toBeGreaterThan(250);
  const sizes = () =>
    page.evaluate(() => {
      const box = document.querySelector('.targets-scroll') as HTMLElement;
      return {
        page: document.documentElement.scrollHeight,
        window: window.innerHeight,
        bottom: box.getBoundingClientRect().bottom,
        table: box.scrollHeight,
      };
    });
  const { page: height, window: inner, bottom, table } = await sizes();
  // the table is long, the page is not: nothing sticks out below the scroll box
  expect(table).toBeGreaterThan(5 * inner);
  expect(height).toBeLessThanOrEqual(inner + 2);
  expect(bottom).toBeLessThanOrEqual(inner + 1);
  // scrolled to its end, still
  await page.locator('.targets-scroll').evaluate((box) => box.scrollTo(0, box.scrollHeight));
  expect((await sizes()).page).toBeLessThanOrEqual(inner + 2);
  await page.screenshot({ path: `${SHOTS}targets-many.png` });
  expect(problems).toEqual([]);
  await page.close();
});

it('sorts by a click anywhere in a column’s header cell, or by the keyboard, and says how in aria-sort', async () => {
  const { page, problems } = await h.page();
  await openAsAnalyst(page);
  const head = (key: string) => page.getByTestId(`sort-head-${key}`);
  expect(await head('score').getAttribute('aria-sort')).toBe('descending');
  // revenue is right-aligned: its left edge is blank header, far from the name and the arrow
  const box = await head('revenue').boundingBox();
  const button = await page.getByTestId('sort-revenue').boundingBox();
  if (!box || !button) throw new Error('no revenue header');
  expect(button.x - box.x).toBeGreaterThan(8);
  await head('revenue').click({ position: { x: 3, y: 3 } });
  await expect.poll(() => head('revenue').getAttribute('aria-sort')).toBe('descending');
  expect(await head('score').getAttribute('aria-sort')).toBeNull();
  expect(new URL(page.url()).searchParams.get('sort')).toBe('revenue');
  // the cell's bottom right corner, again: the other direction
  await head('revenue').click({ position: { x: box.width - 2, y: box.height - 2 } });
  await expect.poll(() => head('revenue').getAttribute('aria-sort')).toBe('ascending');
  // the keyboard: Tab reaches the column's button, Enter and Space sort
  await page.getByTestId('sort-name').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => head('name').getAttribute('aria-sort')).toBe('ascending');
  await page.keyboard.press('Space');
  await expect.poll(() => head('name').getAttribute('aria-sort')).toBe('descending');
  expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');
  expect(problems).toEqual([]);
  await page.close();
});

it('lists a firm once, naming every gap it could fill, ranked by its best score, each gap’s score a click away', async () => {
  const { page, problems } = await h.page();
  const rows = await openAsAnalyst(page);
  const firms = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-enterprise')));
  expect(new Set(firms).size).toBe(firms.length);
  // the demo's logistics chain: 79 leads, 33 firms
  expect(await page.getByTestId('targets-summary').textContent()).toBe('6 个短板环节 · 79 条招商线索 · 33 家候选企业');
  expect(firms.length).toBe(33);
  expect(await page.getByTestId('targets-count').textContent()).toBe('显示 33 / 33 家企业');

  // a firm of several gaps: each named with its need and score, the best first and its score the row's
  const many = rows.filter({ has: page.getByTestId('target-fits-toggle') }).first();
  const gaps = many.getByTestId('target-gaps').locator('li');
  expect(await gaps.count()).toBeGreaterThan(1);
  const scores = (await gaps.locator('.fit-score').allTextContents()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(Number(await many.getByTestId('target-score').textContent())).toBe(scores[0]);
  for (const gap of await gaps.all()) expect(await gap.locator('.need-badge').count()).toBe(1);
  // ranked by best score
  const best = (await rows.getByTestId('target-score').allTextContents()).map(Number);
  expect(best).toEqual([...best].sort((a, b) => b - a));

  // opened: a line per gap, with its own score, terms and reason
  await many.getByTestId('target-fits-toggle').click();
  const fits = page.getByTestId('target-fit-row');
  expect(await fits.count()).toBe(scores.length);
  expect((await fits.getByTestId('target-score').allTextContents()).map(Number)).toEqual(scores);
  expect(await fits.nth(1).locator('td.term').count()).toBe(6);
  expect((await fits.nth(1).locator('.reason').textContent())?.trim()).not.toBe('');
  expect(await many.getByTestId('target-fits-toggle').getAttribute('aria-expanded')).toBe('true');
  await page.screenshot({ path: `${SHOTS}targets-firm-gaps.png` });

  // the CSV follows the table: a line per firm, every gap named in it
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const bytes = readFileSync((await (await download).path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(lines.length).toBe(34);
  expect(lines[0]).toContain('可填补的短板环节（得分）');
  const name = (await many.locator('td.enterprise a.name').textContent()) ?? '';
  const line = lines.find((l) => l.includes(name)) ?? '';
  for (const gap of await gaps.locator('a.name').allTextContents()) expect(line).toContain(gap);

  // filtered by need, a firm keeps the gaps of that need, and its score is the best of them
  await page.getByTestId('filter-need').selectOption('FILL');
  await expect.poll(() => rows.count()).toBeLessThan(33);
  for (const row of await rows.all()) {
    const needs = await row.getByTestId('target-gaps').locator('.need-badge').allTextContents();
    expect(needs.every((n) => n === '补链')).toBe(true);
  }
  expect(problems).toEqual([]);
  await page.close();
});
