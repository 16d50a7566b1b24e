import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../src/import/importer';
import { MemoryStore } from '../src/store/memory/memory-store';
import { tempDir } from './support/cli';
import { demoApi } from './support/helpers';

describe('a segment’s parent (环节 → 子环节)', () => {
  it('is the segment it is part of, and null for a top-level one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'chains.csv'), 'id,name\nc1,链一\n');
    writeFileSync(
      join(dir, 'segments.csv'),
      'id,chainId,name,tier,order,parentId\ns1,c1,电池,MIDSTREAM,1,\ns2,c1,电芯,MIDSTREAM,2,s1\n',
    );
    const { query } = await demoApi({ store: new MemoryStore(await readDataset([dir])) });
    const { data, errors } = await query<{
      chain: { segments: { key: string; parent: { key: string } | null }[] };
    }>('{ chain(id: "c1") { segments { key parent { key } } } }');
    expect(errors).toBeUndefined();
    expect(data?.chain.segments).toEqual([
      { key: 's1', parent: null },
      { key: 's2', parent: { key: 's1' } },
    ]);
  });
});
