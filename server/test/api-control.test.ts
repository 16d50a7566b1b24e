import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../src/domain/model';
import { findRoots, type Holding } from '../src/domain/systems';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import { demoApi } from './support/helpers';

/** The demo data with two 50/50 joint ventures of two roots: JV1 owns a subsidiary outright, JV2 nothing. */
const data = await readDataset([DEMO_DATA_DIR]);
const [p1, p2] = findRoots(data.controls.filter((c): c is Holding & typeof c => c.share !== undefined));
const firm = (id: string, shortName: string): Enterprise => ({
  id,
  name: `${shortName}有限公司`,
  shortName,
  district: '湖北省武汉市江汉区',
  local: true,
  status: '存续',
  tags: [],
});
data.enterprises.push(firm('JV1', '合资一'), firm('JV2', '合资二'), firm('JV1S', '合资一子公司'));
const hold = (from: string, to: string, share: number) => ({ from, to, share, source: 't', confidence: 1 });
data.controls.push(
  hold(p1 as string, 'JV1', 0.5),
  hold(p2 as string, 'JV1', 0.5),
  hold(p1 as string, 'JV2', 0.5),
  hold(p2 as string, 'JV2', 0.5),
  hold('JV1', 'JV1S', 1),
);
const { query } = await demoApi({ store: new MemoryStore(data) });

interface Control {
  ultimateController: {
    kind: string;
    controller: { key: string } | null;
    effectiveShare: number;
    path: { key: string }[];
    jointControllers: { controller: { key: string }; effectiveShare: number; path: { key: string }[] }[];
  } | null;
  system: { root: { key: string } } | null;
}

const control = async (key: string) => {
  const { data, errors } = await query<{ enterprise: Control }>(
    `query($id: ID!) { enterprise(id: $id) {
      ultimateController { kind controller { key } effectiveShare path { key }
        jointControllers { controller { key } effectiveShare path { key } } }
      system { root { key } } } }`,
    { id: key },
  );
  expect(errors).toBeUndefined();
  return data?.enterprise as Control;
};

describe('joint control through the API', () => {
  it('names both parents of a 50/50 joint venture, and puts it in neither parent’s system', async () => {
    const jv2 = await control('JV2');
    expect(jv2.ultimateController).toEqual({
      kind: 'JOINT',
      controller: null,
      effectiveShare: 0.5,
      path: [],
      jointControllers: [p1, p2].sort().map((key) => ({
        controller: { key },
        effectiveShare: 0.5,
        path: [{ key }, { key: 'JV2' }],
      })),
    });
    expect(jv2.system).toBeNull();
    // a joint venture that controls a firm is the root of a system of its own
    expect((await control('JV1')).system?.root.key).toBe('JV1');
    expect((await control('JV1S')).ultimateController).toMatchObject({ kind: 'SOLE', controller: { key: 'JV1' } });
  });

  it('still gives a demo subsidiary its sole controller and system', async () => {
    const sub = data.controls.find((c) => c.from === p1 && c.share === 1)?.to as string;
    const got = await control(sub);
    expect(got.ultimateController).toMatchObject({ kind: 'SOLE', controller: { key: p1 }, jointControllers: [] });
    expect(got.system?.root.key).toBe(p1);
  });
});
