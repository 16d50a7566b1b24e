import { describe, expect, it } from 'vitest';
import { controlledBy, findRoots, type Holding } from '../src/domain/systems';

const holdingsOf = (all: Holding[]) => (id: string) => all.filter((h) => h.from === id);

describe('systems from ownership', () => {
  it('keeps the best multiplied share over several paths', () => {
    const all = [
      { from: 'R', to: 'A', share: 0.6 },
      { from: 'R', to: 'B', share: 1 },
      { from: 'A', to: 'C', share: 1 },
      { from: 'B', to: 'C', share: 0.9 },
    ];
    expect(controlledBy('R', holdingsOf(all)).find((c) => c.id === 'C')).toEqual({
      id: 'C',
      effectiveShare: 0.9,
      level: 2,
    });
  });

  it('ends on cross-holdings and cycles', () => {
    const all = [
      { from: 'R', to: 'A', share: 1 },
      { from: 'A', to: 'B', share: 0.9 },
      { from: 'B', to: 'A', share: 0.9 },
      { from: 'B', to: 'R', share: 0.3 },
    ];
    expect(controlledBy('R', holdingsOf(all)).map((c) => c.id)).toEqual(['R', 'A', 'B']);
  });

  it('takes as roots those who control and are controlled by nobody', () => {
    expect(
      findRoots([
        { from: 'R', to: 'A', share: 0.51 },
        { from: 'A', to: 'B', share: 0.9 },
        { from: 'Q', to: 'R', share: 0.2 },
      ]),
    ).toEqual(['R']);
    // control is more than 50%: R's half of A is not control, so A is a root of its own
    expect(
      findRoots([
        { from: 'R', to: 'A', share: 0.5 },
        { from: 'A', to: 'B', share: 0.9 },
        { from: 'Q', to: 'R', share: 0.2 },
      ]),
    ).toEqual(['A']);
  });
});
