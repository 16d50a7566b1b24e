import { describe, expect, it } from 'vitest';
import { ultimateController } from '../src/analysis/equity';
import { controlledBy, findRoots, type Holding } from '../src/domain/systems';

const holders = (list: Holding[]) => (id: string) => list.filter((h) => h.to === id);
const holdings = (list: Holding[]) => (id: string) => list.filter((h) => h.from === id);
const h = (from: string, to: string, share: number): Holding => ({ from, to, share });

describe('ultimate controller: more than the threshold, ties are joint control', () => {
  it('a 50/50 joint venture is jointly controlled by both parents, each named with its share and path', () => {
    expect(ultimateController('JV', holders([h('P2', 'JV', 0.5), h('P1', 'JV', 0.5)]))).toEqual({
      kind: 'JOINT',
      effectiveShare: 0.5,
      jointControllers: [
        { controllerId: 'P1', effectiveShare: 0.5, path: ['P1', 'JV'] },
        { controllerId: 'P2', effectiveShare: 0.5, path: ['P2', 'JV'] },
      ],
    });
  });

  it('51/49 is sole control; a lone 50% is no control', () => {
    expect(ultimateController('X', holders([h('A', 'X', 0.51), h('B', 'X', 0.49)]))).toEqual({
      kind: 'SOLE',
      controllerId: 'A',
      effectiveShare: 0.51,
      path: ['A', 'X'],
    });
    expect(ultimateController('X', holders([h('A', 'X', 0.5), h('B', 'X', 0.25), h('C', 'X', 0.25)]))).toBeUndefined();
  });

  it('compares shares with a tolerance: a product of decimals at the threshold is not more than it', () => {
    // R's multiplied share is 0.8 × 0.75 = 0.6000000000000001 in floating point: 60%, not more
    const list = [h('R', 'P', 0.8), h('P', 'X', 0.75)];
    expect(0.8 * 0.75).toBeGreaterThan(0.6);
    expect(ultimateController('X', holders(list), 0.6)).toMatchObject({ kind: 'SOLE', controllerId: 'P' });
    expect(controlledBy('R', holdings(list), 0.6).map((c) => c.id)).toEqual(['R', 'P']);
  });

  it('a holder with exactly the threshold above one with more does not hide it', () => {
    // R holds half of P, which owns X outright: P controls X, R controls nothing
    const list = [h('R', 'P', 0.5), h('P', 'X', 1)];
    expect(ultimateController('X', holders(list))).toEqual({
      kind: 'SOLE',
      controllerId: 'P',
      effectiveShare: 1,
      path: ['P', 'X'],
    });
  });

  it('takes the threshold as a parameter', () => {
    const thirds = [h('A', 'X', 0.35), h('B', 'X', 0.35), h('C', 'X', 0.3)];
    expect(ultimateController('X', holders(thirds))).toBeUndefined();
    expect(ultimateController('X', holders(thirds), 0.3)).toMatchObject({
      kind: 'JOINT',
      jointControllers: [{ controllerId: 'A' }, { controllerId: 'B' }],
    });
    const four = [h('A', 'X', 0.4), h('B', 'X', 0.3), h('C', 'X', 0.3)];
    expect(ultimateController('X', holders(four), 0.3)).toMatchObject({ kind: 'SOLE', controllerId: 'A' });
    expect(ultimateController('X', holders([h('A', 'X', 0.6)]), 0.6)).toBeUndefined();
    expect(ultimateController('X', holders([h('A', 'X', 0.61)]), 0.6)).toMatchObject({ controllerId: 'A' });
  });

  it('follows control through several levels, to the top of each side of a joint venture', () => {
    const list = [h('R', 'A', 0.9), h('A', 'B', 0.8), h('B', 'C', 0.9)];
    expect(ultimateController('C', holders(list))).toEqual({
      kind: 'SOLE',
      controllerId: 'R',
      effectiveShare: 0.9 * 0.8 * 0.9,
      path: ['R', 'A', 'B', 'C'],
    });
    // G1 and G2 own the parents outright: they control the joint venture together
    const jv = [h('G1', 'P1', 1), h('G2', 'P2', 1), h('P1', 'JV', 0.5), h('P2', 'JV', 0.5)];
    expect(ultimateController('JV', holders(jv))).toMatchObject({
      kind: 'JOINT',
      jointControllers: [
        { controllerId: 'G1', path: ['G1', 'P1', 'JV'] },
        { controllerId: 'G2', path: ['G2', 'P2', 'JV'] },
      ],
    });
    // a parent controlled above by a holder whose multiplied share is too small stays the controller
    const partly = [h('G1', 'P1', 0.6), h('P1', 'JV', 0.5), h('P2', 'JV', 0.5)];
    expect(ultimateController('JV', holders(partly))).toMatchObject({
      kind: 'JOINT',
      jointControllers: [{ controllerId: 'P1' }, { controllerId: 'P2' }],
    });
  });

  it('ends on cycles, joint control included', () => {
    const cycle = [h('P1', 'P2', 0.9), h('P2', 'P1', 0.9), h('P1', 'JV', 0.5), h('P2', 'JV', 0.5)];
    expect(ultimateController('JV', holders(cycle))).toMatchObject({
      kind: 'JOINT',
      jointControllers: [{ controllerId: 'P1' }, { controllerId: 'P2' }],
    });
    const whole = [h('A', 'B', 1), h('B', 'A', 1), h('A', 'X', 0.5), h('C', 'X', 0.5), h('X', 'A', 0.3)];
    expect(ultimateController('X', holders(whole))?.kind).toBe('JOINT');
  });
});

describe('systems use the same strict rule', () => {
  it('a 50/50 joint venture is a member of neither parent’s system, and a root if it controls others', () => {
    const list = [h('P1', 'JV', 0.5), h('P2', 'JV', 0.5), h('P1', 'S1', 0.8), h('JV', 'J1', 1)];
    expect(controlledBy('P1', holdings(list)).map((c) => c.id)).toEqual(['P1', 'S1']);
    expect(controlledBy('P2', holdings(list)).map((c) => c.id)).toEqual(['P2']);
    expect(findRoots(list)).toEqual(['JV', 'P1']);
    expect(controlledBy('JV', holdings(list)).map((c) => c.id)).toEqual(['JV', 'J1']);
  });

  it('a multiplied share of exactly the threshold is not control; the threshold is a parameter', () => {
    const list = [h('R', 'A', 0.8), h('A', 'B', 0.625)];
    expect(controlledBy('R', holdings(list)).map((c) => c.id)).toEqual(['R', 'A']);
    expect(controlledBy('R', holdings(list), 0.4).map((c) => c.id)).toEqual(['R', 'A', 'B']);
    expect(findRoots([h('R', 'A', 0.6)], 0.6)).toEqual([]);
    expect(findRoots([h('R', 'A', 0.6)], 0.55)).toEqual(['R']);
  });
});
