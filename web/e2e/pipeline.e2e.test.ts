import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserHarness, SHOTS, signIn, TOKENS } from './harness';

/** The pipeline board (招商项目): a candidate made a lead, walked to 落地, seen on the map and in targets. */
const h = browserHarness();

const card = (page: Page, firm: string) => page.locator(`[data-testid="lead-card"][data-firm="${firm}"]`);
const stageOf = (page: Page, firm: string) => card(page, firm).getAttribute('data-stage');
const column = (page: Page, stage: string) => page.locator(`[data-testid="pipeline-column"][data-stage="${stage}"]`);

it('hides leads from a viewer', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/pipeline'));
  const notice = page.getByTestId('needs-role');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('分析员');
  expect(await page.getByTestId('lead-card').count()).toBe(0);
  await signIn(page, TOKENS.viewer.token);
  await page.getByTestId('needs-role').waitFor();
  expect(await page.getByTestId('pipeline-board').count()).toBe(0);
  // the API refuses a viewer too
  const r = await h.api('{ leads { totalCount } }', {}, TOKENS.viewer.token);
  expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(problems.filter((p) => !p.includes('HTTP'))).toEqual([]);
  await page.close();
});

it('walks a candidate from targets to 落地 on the board, shows it on the map and in targets, exports the board', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/chains/logistics/targets'));
  await page.getByTestId('needs-role').waitFor();
  await signIn(page, TOKENS.editor.token);
  const row = page.getByTestId('target-row').first();
  await row.waitFor();
  const firm = (await row.getAttribute('data-enterprise')) as string;
  const gap = ((await row.getAttribute('data-segments')) as string).split(' ')[0] as string;
  await row.getByTestId('make-lead').click();
  await row.getByTestId('target-lead').waitFor();
  expect(await row.getByTestId('target-lead').textContent()).toBe('已是招商项目 · 线索');

  // the board: the new lead at 线索
  await page.goto(h.url('/chains/logistics/pipeline'));
  await card(page, firm).waitFor();
  expect(await stageOf(page, firm)).toBe('LEAD');
  expect(await column(page, 'LEAD').getByTestId('column-count').textContent()).toBe('1 个');
  await page.screenshot({ path: `${SHOTS}pipeline-new-lead.png` });

  // the editor gives it a next step, due in the past: it is overdue, and the filter keeps it
  await card(page, firm).getByTestId('lead-details-toggle').click();
  await card(page, firm).getByTestId('lead-edit-next').fill('安排实地拜访');
  await card(page, firm).getByTestId('lead-edit-due').fill('2020-01-02');
  await card(page, firm).getByTestId('lead-edit-save').click();
  await card(page, firm).getByTestId('lead-due').waitFor();
  expect(await card(page, firm).getByTestId('lead-due').textContent()).toBe('逾期 2020-01-02 前');
  await page.getByTestId('filter-overdue').check();
  expect(await page.getByTestId('lead-card').count()).toBe(1);
  await page.getByTestId('filter-overdue').uncheck();
  await card(page, firm).getByTestId('lead-details-toggle').click();

  // dragged to 接洽
  await card(page, firm).dragTo(column(page, 'CONTACTED'));
  await expect.poll(() => stageOf(page, firm)).toBe('CONTACTED');
  // → with the card focused: 拜访
  await card(page, firm).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => stageOf(page, firm)).toBe('VISITED');
  expect(await page.getByTestId('pipeline-said').textContent()).toContain('拜访');
  // the card's "move to" list: 洽谈, 签约, 落地
  for (const stage of ['NEGOTIATING', 'SIGNED', 'LANDED']) {
    await card(page, firm).getByTestId('lead-move').selectOption(stage);
    await expect.poll(() => stageOf(page, firm)).toBe(stage);
  }
  expect(await column(page, 'LANDED').getByTestId('column-count').textContent()).toBe('1 个');
  expect(await column(page, 'LEAD').getByTestId('column-count').textContent()).toBe('0 个');
  // what landing it changes: the board's sum, and the card's own effect and history
  await expect.poll(() => page.getByTestId('pipeline-sum').textContent()).toContain('签约及以后的 1 个项目');
  await card(page, firm).getByTestId('lead-details-toggle').click();
  const details = card(page, firm).getByTestId('lead-details');
  await details.getByTestId('lead-effect').waitFor();
  expect(await details.getByTestId('lead-effect').textContent()).toMatch(/覆盖环节 \d+ → \d+/);
  expect(await details.locator('.lead-history li').count()).toBe(7);
  await page.screenshot({ path: `${SHOTS}pipeline.png` });

  // the export: one line per lead, for Excel
  const download = page.waitForEvent('download');
  await page.getByTestId('pipeline-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('招商项目-商贸物流.csv');
  const text = readFileSync((await file.path()) as string, 'utf8').slice(1);
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('落地');
  expect(lines[1]).toContain(firm);

  // on the chain map, the gap's candidate says it is a lead, and at which stage
  await page.goto(h.url(`/chains/logistics?gap=${encodeURIComponent(gap)}`));
  const badge = page.getByTestId('candidate-lead');
  await badge.waitFor();
  expect(await badge.textContent()).toBe('已是招商项目 · 落地');
  // and its node on the map says so too
  const landed = () =>
    page.evaluate(() =>
      (window.chainAtlasGraph?.nodeIds() ?? [])
        .map((id) => window.chainAtlasGraph?.data(id))
        .filter((d) => d?.kind === 'candidate' && String(d.label).endsWith('· 落地'))
        .map((d) => d?.firmId),
    );
  await expect.poll(landed).toHaveLength(1);
  await page.screenshot({ path: `${SHOTS}pipeline-map-badge.png` });

  // in targets too
  await page.goto(h.url('/chains/logistics/targets'));
  const again = page.locator(`[data-testid="target-row"][data-enterprise="${firm}"]`);
  await again.getByTestId('target-lead').waitFor();
  expect(await again.getByTestId('target-lead').textContent()).toBe('已是招商项目 · 落地');

  // every move is in the audit log, by the editor
  const audit = await h.api<{ auditLog: { nodes: { who: string; outcome: string }[] } }>(
    '{ auditLog(action: "moveLead", first: 20) { nodes { who outcome } } }',
    {},
    TOKENS.admin.token,
  );
  expect(audit.data?.auditLog.nodes).toEqual(Array(5).fill({ who: '王五', outcome: 'ok' }));
  expect(problems).toEqual([]);
  await page.close();
});

it('shows an analyst the district board read-only, and a move to 流失 asks why', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/pipeline'));
  await page.getByTestId('needs-role').waitFor();
  await signIn(page);
  const first = page.getByTestId('lead-card').first();
  await first.waitFor();
  expect(await page.getByTestId('lead-move').count()).toBe(0);
  expect(await first.getAttribute('draggable')).toBe('false');
  // the district's sum names each chain with leads signed and beyond
  await expect.poll(() => page.getByTestId('pipeline-sum').textContent()).toContain('商贸物流：签约及以后的 1 个项目');
  expect(await page.getByTestId('nav-pipeline').getAttribute('aria-current')).toBe('page');
  await page.screenshot({ path: `${SHOTS}pipeline-district.png` });

  // the editor: a drag onto 流失 opens the reason form; the reason is kept on the card
  await page.getByTestId('sign-out').click();
  await signIn(page, TOKENS.editor.token);
  const firm = (await page.getByTestId('lead-card').first().getAttribute('data-firm')) as string;
  await card(page, firm).dragTo(column(page, 'LOST'));
  await card(page, firm).getByTestId('lead-reason-input').fill('已落户外省');
  await card(page, firm).getByTestId('lead-reason-ok').click();
  await expect.poll(() => stageOf(page, firm)).toBe('LOST');
  expect(await card(page, firm).textContent()).toContain('原因：已落户外省');
  await page.getByTestId('filter-overdue').check();
  await page.getByTestId('pipeline-none').or(page.getByTestId('pipeline-board')).first().waitFor();
  expect(await page.getByTestId('lead-card').count()).toBe(0);
  // in English
  await page.getByTestId('filter-overdue').uncheck();
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('lead-card').first().waitFor();
  expect(await page.getByTestId('pipeline-view').locator('h2').textContent()).toBe('District pipeline');
  await card(page, firm).getByTestId('lead-details-toggle').click();
  await card(page, firm).getByTestId('lead-effect').waitFor();
  await page.screenshot({ path: `${SHOTS}pipeline-district-en.png` });
  expect(problems).toEqual([]);
  await page.close();
});

it('makes any firm picked on the chain map a lead, for the gap it is a candidate of', async () => {
  const { page, problems } = await h.page();
  const before = await h.api<{ leads: { nodes: { segment: { key: string } | null }[] } }>(
    '{ leads { nodes { segment { key } } } }',
    {},
    TOKENS.admin.token,
  );
  const gap = before.data?.leads.nodes[0]?.segment?.key as string;
  await page.goto(h.url(`/chains/logistics?gap=${encodeURIComponent(gap)}`));
  await signIn(page, TOKENS.editor.token);
  await page.getByTestId('candidate').first().waitFor();
  const second = page.getByTestId('candidate').nth(1);
  await second.locator('.candidate-head').click();
  const panel = page.getByTestId('firm-panel');
  await panel.getByTestId('firm-make-lead').click();
  await panel.getByTestId('firm-lead').waitFor();
  expect(await panel.getByTestId('firm-lead').textContent()).toBe('已是招商项目 · 线索');
  await second.getByTestId('candidate-lead').waitFor();
  const after = await h.api<{ leads: { nodes: { owner: string; stage: string; segment: { key: string } | null }[] } }>(
    '{ leads(stage: [LEAD]) { nodes { owner stage segment { key } } } }',
    {},
    TOKENS.admin.token,
  );
  expect(after.data?.leads.nodes).toEqual([{ owner: '王五', stage: 'LEAD', segment: { key: gap } }]);
  await page.screenshot({ path: `${SHOTS}pipeline-map-make-lead.png` });
  expect(problems).toEqual([]);
  await page.close();
});
