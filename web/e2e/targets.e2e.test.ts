import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { browserHarness, SHOTS } from './harness';

/** The targets table, as investment-attraction staff use it. */
const h = browserHarness();

it('ranks a chain’s candidates across its gaps, filters them, and exports the rows as CSV for Excel', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/chains/logistics/targets'));
  const rows = page.getByTestId('target-row');
  await rows.first().waitFor();
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

  // reload keeps the filter
  await page.reload();
  await rows.first().waitFor();
  expect(await page.getByTestId('filter-need').inputValue()).toBe('FILL');
  expect(problems).toEqual([]);
  await page.close();
});
