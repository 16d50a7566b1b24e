import { expect, it } from 'vitest';
import { browserHarness, SHOTS, signIn, TOKENS } from './harness';

/** 自上次会议以来: a chain's figures over time on its card, and what changed since a meeting. */
const h = browserHarness();

const count = (page: import('playwright-core').Page, testid: string) =>
  page.getByTestId(testid).getAttribute('data-count');

it('records a meeting, then names what changed since it: the gap closed, the firm that entered, its link', async () => {
  const { page, problems } = await h.page();
  await page.goto(h.url('/'));
  // the demo data's import kept the first snapshot: a card draws its trend from it to now
  const card = page.locator('[data-chain="ai"]');
  await expect.poll(() => card.getByTestId('sparkline').getAttribute('data-points'), { timeout: 15_000 }).toBe('2');
  await card.getByTestId('open-changes').click();
  await page.getByTestId('changes-baseline').waitFor();
  expect(new URL(page.url()).pathname).toBe('/chains/ai/changes');
  for (const list of ['gaps-closed', 'gaps-opened', 'firms-entered', 'firms-left', 'links-added', 'links-lost'])
    expect(await count(page, list), list).toBe('0');
  // no button for a viewer; an editor (here the admin) records the meeting's snapshot
  expect(await page.getByTestId('take-snapshot').count()).toBe(0);
  await signIn(page, TOKENS.admin.token);
  await page.getByTestId('snapshot-note').fill('十二月链长例会');
  await page.getByTestId('take-snapshot').click();
  await expect.poll(() => page.getByTestId('changes-pick').textContent()).toContain('十二月链长例会');

  // after the meeting: a new local firm lands in the chain's gap 算法模型 and supplies the chain owner
  const firm = '914201030000900010';
  const chain = await h.api<{
    chain: {
      gapReport: { fill: { segment: { key: string; name: string } }[] };
      anchors: { key: string; name: string }[];
    };
  }>('{ chain(id: "ai") { gapReport { fill { segment { key name } } } anchors { key name } } }');
  const gap = chain.data?.chain.gapReport.fill[0]?.segment;
  const owner = chain.data?.chain.anchors[0];
  expect(gap && owner).toBeTruthy();
  for (const [mutation, variables] of [
    [
      'mutation($id: ID!) { createEnterprise(input: { id: $id, name: "武汉智算模型科技有限公司", shortName: "智算模型", local: true, district: "湖北省武汉市江汉区" }) { changed } }',
      { id: firm },
    ],
    [
      'mutation($from: ID!, $to: ID!) { addRelationship(input: { kind: IN_SEGMENT, from: $from, to: $to }) { changed } }',
      { from: firm, to: gap?.key },
    ],
    [
      'mutation($from: ID!, $to: ID!) { addRelationship(input: { kind: SUPPLIES, from: $from, to: $to, product: "行业大模型" }) { changed } }',
      { from: firm, to: owner?.key },
    ],
  ] as const) {
    const r = await h.api(mutation, variables, TOKENS.admin.token);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  }
  // compare with the meeting: pick its snapshot
  const meeting = await page
    .getByTestId('changes-pick')
    .locator('option', { hasText: '十二月链长例会' })
    .getAttribute('value');
  await page.getByTestId('changes-pick').selectOption(meeting as string);
  await expect.poll(() => page.getByTestId('changes-baseline').textContent()).toContain('十二月链长例会');
  await expect.poll(() => count(page, 'firms-entered')).toBe('1');
  expect(await page.getByTestId('gaps-closed').textContent()).toContain(`${gap?.name}：补链 →`);
  expect(await page.getByTestId('firms-entered').textContent()).toContain('武汉智算模型科技有限公司');
  expect(await page.getByTestId('links-added').textContent()).toContain(`武汉智算模型科技有限公司 → ${owner?.name}`);
  expect(await count(page, 'firms-left')).toBe('0');
  expect(await page.locator('[data-figure="fill"] td').allTextContents()).toEqual(['1', '0', '−1']);
  // the newcomer became a lead and landed: the leads that moved say so, for the admin (an analyst and more)
  const lead = await h.api<{ createLead: { lead: { id: string } } }>(
    'mutation($e: ID!) { createLead(input: { enterprise: $e, chain: "ai", owner: "王五", stage: SIGNED }) { lead { id } } }',
    { e: firm },
    TOKENS.admin.token,
  );
  expect(lead.errors).toBeUndefined();
  await h.api(
    'mutation($id: ID!) { moveLead(id: $id, stage: LANDED) { lead { stage } } }',
    { id: lead.data?.createLead.lead.id },
    TOKENS.admin.token,
  );
  await page.reload();
  await expect.poll(() => count(page, 'leads-moved')).toBe('1');
  expect(await page.getByTestId('leads-moved').textContent()).toContain('武汉智算模型科技有限公司：新建 → 落地');
  await page.screenshot({ path: `${SHOTS}changes-since-meeting.png` });
  expect(problems).toEqual([]);
  await page.close();
});
