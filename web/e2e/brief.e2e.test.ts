import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserHarness, SHOTS, signIn, TOKENS } from './harness';
import { LARGE_CHAIN, writeLargeChain } from './large-chain';

/**
 * The one-page chain brief (链况简报) for the monthly meeting, printed to PDF by Chromium as a user's
 * 打印 would: on the demo data and on a chain of real size (60 segments), in Chinese and English.
 */
const DEMO = fileURLToPath(new URL('../../seeds/data/', import.meta.url));
const h = browserHarness({ data: (root) => [DEMO, writeLargeChain(join(root, 'large-chain'))] });

/** The brief as printed: its pages in the PDF, and the text of the sheet. */
async function printed(page: Page): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  // the sheet is one page high in print: what does not fit would be cut off, so nothing may overflow it
  const overflow = await page
    .getByTestId('brief-sheet')
    .evaluate((el) => ({ content: el.scrollHeight, page: el.clientHeight }));
  expect(overflow.content).toBeLessThanOrEqual(overflow.page);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const raw = pdf.toString('latin1');
  const pages = (raw.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // every page A4 portrait: 210 × 297 mm, 595 × 842 points (Chromium writes 594.96 × 841.92)
  const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  expect(boxes.length).toBe(pages);
  for (const box of boxes) expect(box).toEqual([595, 842]);
  return { pages, text: (await page.getByTestId('brief-sheet').textContent()) ?? '' };
}

it('prints one A4 page with the map, the figures and their change, the gaps with their candidates', async () => {
  // a lead on the chain, signed since the day compared with
  const firm = (await h.api<{ chain: { anchors: { key: string }[] } }>('{ chain(id: "ai") { anchors { key } } }')).data
    ?.chain.anchors[0]?.key;
  const made = await h.api<{ createLead: { lead: { id: string } } }>(
    'mutation($e: ID!) { createLead(input: { enterprise: $e, chain: "ai", owner: "王五", stage: NEGOTIATING }) { lead { id } } }',
    { e: firm },
    TOKENS.editor.token,
  );
  expect(made.errors).toBeUndefined();
  await h.api(
    'mutation($id: ID!) { moveLead(id: $id, stage: SIGNED) { lead { stage } } }',
    { id: made.data?.createLead.lead.id },
    TOKENS.editor.token,
  );
  const { page, problems } = await h.page();
  await page.goto(h.url('/'));
  await signIn(page, TOKENS.analyst.token);
  await page.locator('[data-chain="ai"]').getByTestId('open-brief').click();
  await page.getByTestId('brief-sheet').waitFor();
  await expect.poll(() => page.getByTestId('brief-candidates').first().textContent()).toMatch(/（\d+）/);
  const { pages, text } = await printed(page);
  expect(pages).toBe(1);
  for (const part of [
    '人工智能产业链 · 链况简报',
    '内部资料',
    '链长：张伟',
    '环节覆盖率',
    '补链环节',
    '上游',
    '中游',
    '下游',
  ])
    expect(text).toContain(part);
  expect(await page.getByTestId('brief-map').locator('[data-need]').count()).toBeGreaterThan(3);
  expect(await page.getByTestId('brief-gap').count()).toBeGreaterThan(0);
  // the pipeline's state: the lead at 签约, and its move since the day
  expect(await page.getByTestId('brief-pipeline').locator('[data-stage="SIGNED"]').getAttribute('data-count')).toBe(
    '1',
  );
  expect(await page.getByTestId('brief-leads-moved').textContent()).toContain('新建 → 签约');
  await page.screenshot({ path: `${SHOTS}brief-ai.png`, fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
});

it('fits a 60-segment chain on one page, in English too; a viewer gets it without candidates', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url(`/chains/${LARGE_CHAIN.id}/brief?lang=en`));
  await page.getByTestId('brief-sheet').waitFor();
  await expect.poll(() => page.getByTestId('brief-sheet').textContent()).toContain('Candidates need the analyst role');
  const en = await printed(page);
  expect(en.pages).toBe(1);
  expect(en.text).toContain(`${LARGE_CHAIN.name} chain · brief`);
  expect(await page.getByTestId('brief-map').locator('[data-need]').count()).toBe(60);
  await page.screenshot({ path: `${SHOTS}brief-large-en.png`, fullPage: true });
  await signIn(page, TOKENS.analyst.token);
  await page.goto(h.url(`/chains/${LARGE_CHAIN.id}/brief`));
  await expect.poll(() => page.getByTestId('brief-candidates').first().textContent()).not.toBe('…');
  const zh = await printed(page);
  expect(zh.pages).toBe(1);
  expect(zh.text).toContain('链况简报');
  expect(problems).toEqual([]);
  await page.close();
});
