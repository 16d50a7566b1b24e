import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateB12 } from '../bench/b12-generated';
import { hideMemberships } from '../bench/b12-hide';
import { type Ranker, runB12 } from '../bench/b12-quality';
import type { ChainSubgraph } from '../src/domain/records';

const scratch = mkdtempSync(join(tmpdir(), 'b12-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * B12 end to end on the generated set (a raw folder that does not exist), with a stand-in ranker
 * instead of candidatesFor: the pipeline, not the model, is under test here.
 */
describe('B12 on the generated set', () => {
  it('hides, ranks every segment that lost a member, and measures model and baselines alike', async () => {
    const calls: string[] = [];
    const seen: ChainSubgraph[] = [];
    // every firm of the subgraph, members included (B12 must drop the visible ones), by id
    const standIn: Ranker = (graph, segmentId) => {
      calls.push(segmentId);
      seen.push(graph);
      return [...graph.enterprises].sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => ({ enterpriseId: e.id }));
    };
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const r = await runB12(scratch, standIn, join(scratch, 'no-such-folder'));
    log.mockRestore();

    expect(r.data).toBe('generated');
    expect(r.hiddenFirms).toBe(Math.round(0.2 * r.firmsWithMemberships));
    expect(calls).toHaveLength(r.segments);
    expect(new Set(calls).size).toBe(calls.length);
    expect(r.model.pairs).toBe(r.hiddenPairs);
    expect(r.sizeOnly.coverage).toBe(1); // the baselines also rank the firms the model missed
    expect(r.randomMean.coverage).toBe(1);
    // the ranker never sees a hidden membership
    const hidden = new Set(hideMemberships(generateB12()).firms);
    expect(hidden.size).toBe(r.hiddenFirms);
    for (const graph of seen) expect(graph.memberships.filter((m) => hidden.has(m.enterpriseId))).toEqual([]);
    // the stand-in lists every firm of the subgraph: a hidden firm outside it is a miss, inside it a hit or not
    const missed = Object.values(r.misses).reduce((a, b) => a + b, 0);
    expect(missed).toBe(Math.round((1 - r.model.coverage) * r.hiddenPairs));
    expect(r.seconds).toHaveProperty('generate');
    expect(r.ratios.vsSizeOnly).not.toBeUndefined();

    // the same run again gives the same figures (times aside)
    const again = await (async () => {
      const quiet = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        return await runB12(join(scratch, 'again'), standIn, join(scratch, 'no-such-folder'));
      } finally {
        quiet.mockRestore();
      }
    })();
    expect({ ...again, seconds: 0 }).toEqual({ ...r, seconds: 0 });
  });
});
